package io.mqttharness.codec.packet;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.reason.MqttPubAckReasonCode;
import java.util.Objects;

/**
 * PUBACK (section 3.4). Under MQTT 3.1.1 the reason code is always {@code SUCCESS} and properties are empty;
 * under MQTT 5 a SUCCESS with no properties is encoded in its short form (remaining length 2).
 */
public record MqttPubAck(int packetId, MqttPubAckReasonCode reasonCode, MqttProperties properties) implements MqttPacket {

    public MqttPubAck {
        Objects.requireNonNull(reasonCode, "reasonCode");
        properties = properties == null ? MqttProperties.EMPTY : properties;
    }

    /** The plain success form: what MQTT 3.1.1 sends. */
    public MqttPubAck(int packetId) {
        this(packetId, MqttPubAckReasonCode.SUCCESS, MqttProperties.EMPTY);
    }

    @Override
    public MqttPacketType type() {
        return MqttPacketType.PUBACK;
    }
}
