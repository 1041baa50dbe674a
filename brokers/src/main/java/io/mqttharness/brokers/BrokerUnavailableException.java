package io.mqttharness.brokers;

/**
 * A broker cannot run on this machine (not installed, no Docker engine, its jars cannot be resolved). Callers skip
 * it and report the message, which says why and what would fix it.
 */
public final class BrokerUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public BrokerUnavailableException(String message) {
        super(message);
    }

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
