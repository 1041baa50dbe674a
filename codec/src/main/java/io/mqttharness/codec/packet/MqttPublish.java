package io.mqttharness.codec.packet;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import java.util.Arrays;
import java.util.Objects;

/**
 * PUBLISH (section 3.3).
 *
 * @param dup DUP flag
 * @param qos QoS level
 * @param retain RETAIN flag
 * @param topic topic name; may be empty in MQTT 5 when a Topic Alias property stands for it
 * @param packetId packet identifier, 1..65535 for QoS 1 and 2, 0 (absent) for QoS 0
 * @param properties PUBLISH properties (MQTT 5 only)
 * @param payload application message (treat as immutable)
 */
public record MqttPublish(
        boolean dup,
        MqttQos qos,
        boolean retain,
        String topic,
        int packetId,
        MqttProperties properties,
        byte[] payload) implements MqttPacket {

    public MqttPublish {
        Objects.requireNonNull(qos, "qos");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        properties = properties == null ? MqttProperties.EMPTY : properties;
    }

    @Override
    public MqttPacketType type() {
        return MqttPacketType.PUBLISH;
    }

    /** A copy with a different DUP flag, QoS and packet identifier, as used when forwarding or resending. */
    public MqttPublish withDelivery(boolean dup, MqttQos qos, int packetId) {
        return new MqttPublish(dup, qos, retain, topic, packetId, properties, payload);
    }

    /** A copy with different topic, retain flag and properties, as used when forwarding to a subscriber. */
    public MqttPublish withRouting(String topic, boolean retain, MqttProperties properties) {
        return new MqttPublish(dup, qos, retain, topic, packetId, properties, payload);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MqttPublish o && dup == o.dup && qos == o.qos && retain == o.retain
                && packetId == o.packetId && topic.equals(o.topic) && properties.equals(o.properties)
                && Arrays.equals(payload, o.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dup, qos, retain, topic, packetId, properties, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "MqttPublish[dup=" + dup + ", qos=" + qos.code() + ", retain=" + retain + ", topic=" + topic
                + ", packetId=" + packetId + ", properties=" + properties + ", payload=<" + payload.length
                + " bytes>]";
    }
}
