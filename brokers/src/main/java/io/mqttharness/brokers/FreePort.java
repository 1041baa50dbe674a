package io.mqttharness.brokers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks a free loopback port for a broker that cannot bind port 0 and report it. */
final class FreePort {
    private FreePort() {
    }

    /**
     * A port that was free a moment ago; the broker may still lose a race for it, which
     * {@link BrokerProcess#startOnFreePort} handles by retrying with another port.
     */
    static int pick() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
