package io.mqttharness.codec.packet;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import java.util.List;

/** SUBSCRIBE (section 3.8): a non-empty list of subscriptions. */
public record MqttSubscribe(int packetId, List<MqttSubscription> subscriptions, MqttProperties properties)
        implements MqttPacket {

    public MqttSubscribe {
        subscriptions = List.copyOf(subscriptions);
        properties = properties == null ? MqttProperties.EMPTY : properties;
    }

    @Override
    public MqttPacketType type() {
        return MqttPacketType.SUBSCRIBE;
    }
}
