package io.mqttharness.spec.misbehaving;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal MQTT 3.1.1 / 5.0 broker on plain sockets that misbehaves in one chosen way ({@link Misbehaviour}):
 * the fixture for testing the harness itself. It routes PUBLISH to matching subscriptions with QoS 0, 1 and 2
 * (clean sessions only, no retained messages, no wills), answers PINGREQ and UNSUBSCRIBE, and is otherwise
 * conforming. The first {@code healthyConnections} connections (the harness's capability probes) are served
 * correctly, so that the scenarios, not the probe, meet the misbehaviour. One thread per connection; loopback only.
 */
final class MisbehavingBroker implements AutoCloseable {
    private final Misbehaviour mode;
    private final int healthyConnections;
    private final Duration delay;
    private final ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<FixtureConnection> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile boolean closed;

    /**
     * @param delay how long every packet is held back in the SLOW_* modes (ignored otherwise)
     */
    MisbehavingBroker(Misbehaviour mode, int healthyConnections, Duration delay) throws IOException {
        this.mode = mode;
        this.healthyConnections = healthyConnections;
        this.delay = delay;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "misbehaving-broker-" + mode);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far, healthy ones included. */
    int acceptedConnections() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                int number = accepted.incrementAndGet();
                Misbehaviour effective = number <= healthyConnections ? Misbehaviour.NONE : mode;
                Duration d = effective == Misbehaviour.SLOW_PAST_TIMEOUT || effective == Misbehaviour.SLOW_UNDER_TIMEOUT
                        ? delay : Duration.ZERO;
                FixtureConnection c = new FixtureConnection(socket, effective, d, this);
                connections.add(c);
                c.start();
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException("fixture accept failed", e);
                }
            }
        }
    }

    /** Routes a message to every connection with a matching subscription. */
    void route(String topic, int qos, byte[] payload) {
        for (FixtureConnection c : connections) {
            c.deliverIfSubscribed(topic, qos, payload);
        }
    }

    void remove(FixtureConnection connection) {
        connections.remove(connection);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (FixtureConnection c : connections) {
            c.close();
        }
    }
}
