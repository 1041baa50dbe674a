package io.mqttharness.broker;

/** A broker could not start, typically because a listener could not be bound; the message says which. */
public final class MqttBrokerStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MqttBrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
