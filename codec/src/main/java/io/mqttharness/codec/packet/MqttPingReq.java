package io.mqttharness.codec.packet;

import io.mqttharness.codec.MqttPacketType;

/** PINGREQ (section 3.12). */
public record MqttPingReq() implements MqttPacket {
    /** The one instance; the packet carries no data. */
    public static final MqttPingReq INSTANCE = new MqttPingReq();

    @Override
    public MqttPacketType type() {
        return MqttPacketType.PINGREQ;
    }
}
