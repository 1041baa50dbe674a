package io.mqttharness.codec.packet;

import io.mqttharness.codec.MqttQos;
import java.util.Objects;

/**
 * One topic filter of a SUBSCRIBE with its subscription options (section 3.8.3.1). Under MQTT 3.1.1 only
 * the filter and the maximum QoS exist; the MQTT 5 options must be false / 0.
 *
 * @param topicFilter topic filter, possibly {@code $share/{group}/{filter}}
 * @param qos maximum QoS
 * @param noLocal No Local option
 * @param retainAsPublished Retain As Published option
 * @param retainHandling Retain Handling option, 0..2
 */
public record MqttSubscription(String topicFilter, MqttQos qos, boolean noLocal, boolean retainAsPublished,
        int retainHandling) {

    public MqttSubscription {
        Objects.requireNonNull(topicFilter, "topicFilter");
        Objects.requireNonNull(qos, "qos");
    }

    /** A subscription with default MQTT 5 options, the only form MQTT 3.1.1 has. */
    public MqttSubscription(String topicFilter, MqttQos qos) {
        this(topicFilter, qos, false, false, 0);
    }
}
