package io.mqttharness.codec;

import java.util.Objects;

/**
 * A Shared Subscription topic filter {@code $share/{shareGroup}/{topicFilter}} taken apart (MQTT 5.0 section
 * 4.8.2); produced by {@link MqttTopics#parseShared(String)}.
 *
 * @param shareGroup the ShareName: non-empty, without {@code /}, {@code +} or {@code #}
 * @param topicFilter the filter that messages are matched against, already validated
 */
public record MqttSharedFilter(String shareGroup, String topicFilter) {
    /** The prefix that marks a shared subscription. */
    public static final String PREFIX = "$share/";

    public MqttSharedFilter {
        Objects.requireNonNull(shareGroup, "shareGroup");
        Objects.requireNonNull(topicFilter, "topicFilter");
    }

    /** The filter as a client writes it: {@code $share/group/filter}. */
    public String rawFilter() {
        return PREFIX + shareGroup + '/' + topicFilter;
    }
}
