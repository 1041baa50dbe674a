package io.mqttharness.broker.routing;

import io.mqttharness.codec.MqttQos;
import java.util.Objects;

/**
 * A stored subscription of one session. Identity inside a {@link SubscriptionTree} is
 * (clientId, shareGroup, topicFilter); the other fields are the subscription options (MQTT 5 section 3.8.3.1),
 * which are all false/0/null under MQTT 3.1.1.
 *
 * <p>The constructor rejects values that the trie cannot route or that no valid SUBSCRIBE can carry, so that a
 * bug upstream shows up as a clear {@link IllegalArgumentException} instead of a silently unmatched filter.
 *
 * @param clientId client identifier of the owning session
 * @param topicFilter topic filter without the {@code $share/{group}/} prefix
 * @param shareGroup ShareName of a shared subscription (MQTT 5 section 4.8.2), or {@code null} when not shared
 * @param qos granted maximum QoS
 * @param noLocal No Local option
 * @param retainAsPublished Retain As Published option
 * @param retainHandling Retain Handling option, 0..2
 * @param subscriptionIdentifier Subscription Identifier (1..268,435,455), or {@code null} when absent
 */
public record Subscription(
        String clientId,
        String topicFilter,
        String shareGroup,
        MqttQos qos,
        boolean noLocal,
        boolean retainAsPublished,
        int retainHandling,
        Integer subscriptionIdentifier) {

    /** Largest value of a Variable Byte Integer, hence of a Subscription Identifier (MQTT 5 section 3.8.2.1.2). */
    public static final int MAX_SUBSCRIPTION_IDENTIFIER = 268_435_455;

    public Subscription {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(qos, "qos");
        TopicLevels.validateFilter(topicFilter);
        if (shareGroup != null) {
            validateShareGroup(shareGroup);
        }
        if (retainHandling < 0 || retainHandling > 2) {
            throw new IllegalArgumentException("invalid Retain Handling " + retainHandling + ": must be 0, 1 or 2");
        }
        if (subscriptionIdentifier != null
                && (subscriptionIdentifier < 1 || subscriptionIdentifier > MAX_SUBSCRIPTION_IDENTIFIER)) {
            throw new IllegalArgumentException("invalid Subscription Identifier " + subscriptionIdentifier
                    + ": must be 1.." + MAX_SUBSCRIPTION_IDENTIFIER);
        }
    }

    /** A plain MQTT 3.1.1-style subscription: not shared, no options, no identifier. */
    public static Subscription of(String clientId, String topicFilter, MqttQos qos) {
        return new Subscription(clientId, topicFilter, null, qos, false, false, 0, null);
    }

    /** A shared subscription without options or identifier. */
    public static Subscription shared(String clientId, String shareGroup, String topicFilter, MqttQos qos) {
        return new Subscription(clientId, topicFilter, shareGroup, qos, false, false, 0, null);
    }

    /** True when this is a shared subscription ({@code $share/{shareGroup}/{topicFilter}}). */
    public boolean isShared() {
        return shareGroup != null;
    }

    private static void validateShareGroup(String shareGroup) {
        if (shareGroup.isEmpty()) {
            throw new IllegalArgumentException("invalid ShareName '': it must be at least one character long [MQTT-4.8.2-1]");
        }
        for (int i = 0; i < shareGroup.length(); i++) {
            char c = shareGroup.charAt(i);
            if (c == '/' || c == '+' || c == '#') {
                throw new IllegalArgumentException("invalid ShareName '" + shareGroup + "': character '" + c
                        + "' at index " + i + " is not allowed [MQTT-4.8.2-2]");
            }
        }
    }
}
