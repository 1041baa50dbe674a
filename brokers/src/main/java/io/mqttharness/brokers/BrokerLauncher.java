package io.mqttharness.brokers;

/** Starts one kind of broker on a free loopback port; obtain one with {@link BrokerLaunchers#forName}. */
public interface BrokerLauncher {

    /** The name it was asked for, e.g. {@code hivemq-ce}. */
    String name();

    /**
     * Starts a fresh instance and returns once its port accepts connections.
     *
     * @throws BrokerUnavailableException the broker cannot run here (not installed, no Docker engine, its jars
     *     cannot be resolved); the message says why and how to fix it
     * @throws BrokerStartException it was there but did not come up; the message has the end of its log
     */
    RunningBroker start() throws BrokerUnavailableException;
}
