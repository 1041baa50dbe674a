package io.mqttharness.brokers;

/** A broker that is available did not come up (exited, or its port never opened); the message has its log tail. */
public final class BrokerStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BrokerStartException(String message) {
        super(message);
    }

    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
