package io.mqttharness.codec.packet;

import io.mqttharness.codec.MqttPacketType;

/**
 * One decoded MQTT control packet. Every packet type is an immutable record; version-specific parts
 * (properties, reason codes) are present on all of them and simply empty / default under MQTT 3.1.1.
 */
public sealed interface MqttPacket
        permits MqttConnect, MqttConnAck, MqttPublish, MqttPubAck, MqttPubRec, MqttPubRel, MqttPubComp,
        MqttSubscribe, MqttSubAck, MqttUnsubscribe, MqttUnsubAck, MqttPingReq, MqttPingResp,
        MqttDisconnect, MqttAuth {

    /** The control packet type of this packet. */
    MqttPacketType type();
}
