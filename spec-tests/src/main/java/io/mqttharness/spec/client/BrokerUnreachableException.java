package io.mqttharness.spec.client;

/** The harness could not open a network connection to the broker; the message says where and why. */
public final class BrokerUnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BrokerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
