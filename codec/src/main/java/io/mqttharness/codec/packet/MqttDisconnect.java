package io.mqttharness.codec.packet;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import java.util.Objects;

/**
 * DISCONNECT (section 3.14). Under MQTT 3.1.1 it is always a normal disconnection with no properties and
 * is sent by the client only.
 */
public record MqttDisconnect(MqttDisconnectReasonCode reasonCode, MqttProperties properties) implements MqttPacket {

    /** Normal disconnection with no properties. */
    public static final MqttDisconnect NORMAL =
            new MqttDisconnect(MqttDisconnectReasonCode.NORMAL_DISCONNECTION, MqttProperties.EMPTY);

    public MqttDisconnect {
        Objects.requireNonNull(reasonCode, "reasonCode");
        properties = properties == null ? MqttProperties.EMPTY : properties;
    }

    @Override
    public MqttPacketType type() {
        return MqttPacketType.DISCONNECT;
    }
}
