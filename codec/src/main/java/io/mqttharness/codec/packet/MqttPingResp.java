package io.mqttharness.codec.packet;

import io.mqttharness.codec.MqttPacketType;

/** PINGRESP (section 3.13). */
public record MqttPingResp() implements MqttPacket {
    /** The one instance; the packet carries no data. */
    public static final MqttPingResp INSTANCE = new MqttPingResp();

    @Override
    public MqttPacketType type() {
        return MqttPacketType.PINGRESP;
    }
}
