package io.mqttharness.spec.fuzz;

import java.net.InetSocketAddress;

/**
 * The broker a {@link Fuzzer} attacks over plain TCP. A restartable target (the embedded reference broker) lets
 * the fuzzer re-check a reproducer on a fresh broker while minimising it; a remote broker cannot be restarted.
 */
public interface FuzzTarget extends AutoCloseable {
    /** Where the broker listens now (it may change after {@link #restart()}). */
    InetSocketAddress address();

    /** How reports name the target, e.g. {@code tcp://127.0.0.1:1883} or {@code embedded}. */
    String describe();

    /** True when {@link #restart()} gives a fresh broker. */
    default boolean restartable() {
        return false;
    }

    /** Stops the broker (if it still runs) and starts a fresh one. */
    default void restart() {
        throw new UnsupportedOperationException(describe() + " cannot be restarted");
    }

    @Override
    default void close() {
    }
}
