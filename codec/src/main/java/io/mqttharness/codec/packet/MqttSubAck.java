package io.mqttharness.codec.packet;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.reason.MqttSubAckReasonCode;
import java.util.List;

/**
 * SUBACK (section 3.9): one reason code per subscription, in order. MQTT 3.1.1 return codes 0x00, 0x01,
 * 0x02 and 0x80 are the same bytes as the MQTT 5 reason codes.
 */
public record MqttSubAck(int packetId, List<MqttSubAckReasonCode> reasonCodes, MqttProperties properties)
        implements MqttPacket {

    public MqttSubAck {
        reasonCodes = List.copyOf(reasonCodes);
        properties = properties == null ? MqttProperties.EMPTY : properties;
    }

    @Override
    public MqttPacketType type() {
        return MqttPacketType.SUBACK;
    }
}
