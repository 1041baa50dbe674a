package io.mqttharness.broker.session;

import io.mqttharness.codec.packet.MqttPublish;

/** Publishes a Will Message as if the client had published it (MQTT 5.0 section 3.1.2.5). */
@FunctionalInterface
public interface WillPublisher {
    void publishWill(String clientId, MqttPublish will);
}
