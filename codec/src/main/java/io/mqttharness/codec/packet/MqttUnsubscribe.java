package io.mqttharness.codec.packet;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import java.util.List;

/** UNSUBSCRIBE (section 3.10): a non-empty list of topic filters. */
public record MqttUnsubscribe(int packetId, List<String> topicFilters, MqttProperties properties)
        implements MqttPacket {

    public MqttUnsubscribe {
        topicFilters = List.copyOf(topicFilters);
        properties = properties == null ? MqttProperties.EMPTY : properties;
    }

    @Override
    public MqttPacketType type() {
        return MqttPacketType.UNSUBSCRIBE;
    }
}
