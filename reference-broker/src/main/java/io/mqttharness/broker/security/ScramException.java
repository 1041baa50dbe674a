package io.mqttharness.broker.security;

/** A SCRAM message that is malformed or fails verification, on the client side of an exchange. */
public final class ScramException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ScramException(String message) {
        super(message);
    }
}
