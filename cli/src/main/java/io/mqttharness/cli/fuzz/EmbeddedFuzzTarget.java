package io.mqttharness.cli.fuzz;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.spec.fuzz.FuzzTarget;
import java.net.InetSocketAddress;

/**
 * The reference broker on a free loopback port as a fuzz target; restartable, so the fuzzer can re-check and
 * minimise a reproducer on fresh brokers.
 */
final class EmbeddedFuzzTarget implements FuzzTarget {
    private MqttBroker broker = MqttBroker.startLoopback();

    @Override
    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", broker.port());
    }

    @Override
    public String describe() {
        return "embedded";
    }

    @Override
    public boolean restartable() {
        return true;
    }

    @Override
    public void restart() {
        broker.close();
        broker = MqttBroker.startLoopback();
    }

    @Override
    public void close() {
        broker.close();
    }
}
