package io.mqttharness.codec.packet;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.reason.MqttAuthReasonCode;
import java.util.Objects;

/** AUTH (MQTT 5.0 section 3.15), the enhanced-authentication exchange; MQTT 5 only. */
public record MqttAuth(MqttAuthReasonCode reasonCode, MqttProperties properties) implements MqttPacket {

    public MqttAuth {
        Objects.requireNonNull(reasonCode, "reasonCode");
        properties = properties == null ? MqttProperties.EMPTY : properties;
    }

    @Override
    public MqttPacketType type() {
        return MqttPacketType.AUTH;
    }
}
