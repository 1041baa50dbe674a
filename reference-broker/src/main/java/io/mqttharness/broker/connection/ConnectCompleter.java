package io.mqttharness.broker.connection;

import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.packet.MqttConnect;

/** Accepts a CONNECT once authentication succeeded (used by the enhanced authentication exchange). */
@FunctionalInterface
interface ConnectCompleter {
    /**
     * @param authProperties Authentication Method / Data to put into the CONNACK, or empty
     */
    void complete(MqttConnection connection, MqttConnect connect, String username, MqttProperties authProperties);
}
