package io.mqttharness.broker.connection;

import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Keep Alive supervision: fires a reader-idle event when no byte arrived for one and a half times the Keep Alive
 * (MQTT-3.1.2-24 in 3.1.1, MQTT-3.1.2-22 in 5.0); {@link MqttConnectionHandler} then closes the connection
 * (MQTT 5: DISCONNECT 0x8D first). Installed after CONNECT, only for a non-zero Keep Alive.
 */
public final class KeepAliveHandler extends IdleStateHandler {
    public KeepAliveHandler(int keepAliveSeconds) {
        super(keepAliveSeconds * 1500L, 0, 0, TimeUnit.MILLISECONDS);
    }
}
