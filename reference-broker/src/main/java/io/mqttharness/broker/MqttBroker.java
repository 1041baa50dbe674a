package io.mqttharness.broker;

import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.ListenerConfig;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The reference broker, embeddable: {@code try (MqttBroker broker = MqttBroker.startLoopback()) { int port =
 * broker.port(); ... }}. Starting binds every listener of the config or fails with an exception that says
 * which listener could not be opened; {@link #close()} stops the listeners, closes every connection and
 * releases the threads.
 */
public final class MqttBroker implements AutoCloseable {

    private MqttBroker() {
    }

    /** Starts a broker with this configuration and returns once every listener is bound. */
    public static MqttBroker start(BrokerConfig config) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Starts a broker on 127.0.0.1 with an ephemeral port and otherwise default settings (for tests). */
    public static MqttBroker startLoopback() {
        return start(BrokerConfig.builder().listener(ListenerConfig.mqtt("127.0.0.1", 0)).build());
    }

    /** The addresses actually bound, in the order of the configured listeners. */
    public List<InetSocketAddress> boundAddresses() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The bound port of the first listener. */
    public int port() {
        return boundAddresses().get(0).getPort();
    }

    /** The configuration this broker runs with. */
    public BrokerConfig config() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Stops listening, disconnects every client (MQTT 5: DISCONNECT 0x8B) and releases all threads. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
