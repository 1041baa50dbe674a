package io.mqttharness.cli.fuzz;

import io.mqttharness.spec.fuzz.FuzzTarget;
import java.net.InetSocketAddress;

/** A broker somewhere else, over plain TCP; it cannot be restarted, so reproducers are minimised best effort. */
record RemoteFuzzTarget(String host, int port) implements FuzzTarget {

    @Override
    public InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String describe() {
        return "tcp://" + host + ":" + port;
    }
}
