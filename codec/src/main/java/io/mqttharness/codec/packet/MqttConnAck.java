package io.mqttharness.codec.packet;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import java.util.Objects;

/**
 * CONNACK (section 3.2). Under MQTT 3.1.1 the reason is one of the six that map to a return code
 * ({@link MqttConnectReasonCode#toV3ReturnCode()}).
 */
public record MqttConnAck(boolean sessionPresent, MqttConnectReasonCode reasonCode, MqttProperties properties)
        implements MqttPacket {

    public MqttConnAck {
        Objects.requireNonNull(reasonCode, "reasonCode");
        properties = properties == null ? MqttProperties.EMPTY : properties;
    }

    @Override
    public MqttPacketType type() {
        return MqttPacketType.CONNACK;
    }
}
