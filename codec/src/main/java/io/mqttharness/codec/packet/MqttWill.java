package io.mqttharness.codec.packet;

import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import java.util.Arrays;
import java.util.Objects;

/**
 * The will message carried by a CONNECT (section 3.1.2.5 - 3.1.3.4).
 *
 * @param topic will topic
 * @param payload will payload (treat as immutable)
 * @param qos Will QoS
 * @param retain Will Retain
 * @param properties Will Properties (MQTT 5 only)
 */
public record MqttWill(String topic, byte[] payload, MqttQos qos, boolean retain, MqttProperties properties) {

    public MqttWill {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(qos, "qos");
        properties = properties == null ? MqttProperties.EMPTY : properties;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MqttWill o && topic.equals(o.topic) && Arrays.equals(payload, o.payload)
                && qos == o.qos && retain == o.retain && properties.equals(o.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, Arrays.hashCode(payload), qos, retain, properties);
    }

    @Override
    public String toString() {
        return "MqttWill[topic=" + topic + ", payload=<" + payload.length + " bytes>, qos=" + qos + ", retain="
                + retain + ", properties=" + properties + "]";
    }
}
