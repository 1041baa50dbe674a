package io.mqttharness.codec.packet;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.reason.MqttPubCompReasonCode;
import java.util.Objects;

/**
 * PUBCOMP (section 3.7). Under MQTT 3.1.1 the reason code is always {@code SUCCESS} and properties are empty;
 * under MQTT 5 a SUCCESS with no properties is encoded in its short form (remaining length 2).
 */
public record MqttPubComp(int packetId, MqttPubCompReasonCode reasonCode, MqttProperties properties) implements MqttPacket {

    public MqttPubComp {
        Objects.requireNonNull(reasonCode, "reasonCode");
        properties = properties == null ? MqttProperties.EMPTY : properties;
    }

    /** The plain success form: what MQTT 3.1.1 sends. */
    public MqttPubComp(int packetId) {
        this(packetId, MqttPubCompReasonCode.SUCCESS, MqttProperties.EMPTY);
    }

    @Override
    public MqttPacketType type() {
        return MqttPacketType.PUBCOMP;
    }
}
