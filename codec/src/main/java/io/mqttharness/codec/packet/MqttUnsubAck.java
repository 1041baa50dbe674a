package io.mqttharness.codec.packet;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.reason.MqttUnsubAckReasonCode;
import java.util.List;

/** UNSUBACK (section 3.11). MQTT 3.1.1 has no payload: {@code reasonCodes} is then empty. */
public record MqttUnsubAck(int packetId, List<MqttUnsubAckReasonCode> reasonCodes, MqttProperties properties)
        implements MqttPacket {

    public MqttUnsubAck {
        reasonCodes = List.copyOf(reasonCodes);
        properties = properties == null ? MqttProperties.EMPTY : properties;
    }

    @Override
    public MqttPacketType type() {
        return MqttPacketType.UNSUBACK;
    }
}
