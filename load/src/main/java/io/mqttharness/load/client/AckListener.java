package io.mqttharness.load.client;

import io.mqttharness.codec.packet.MqttPacket;

/** Outcome of waiting for one acknowledgement; both methods run on the connection's event loop. */
public interface AckListener {
    /** The expected packet arrived (its reason code is not checked here). */
    void onAck(MqttPacket packet);

    /** Timeout, wrong packet type, or the connection went away. */
    void onFailure(String message);
}
