package io.mqttharness.broker.config;

/**
 * A configuration that cannot be used: a bad line in mosquitto.conf, a missing or malformed password, ACL or
 * SCRAM credentials file, or certificates that cannot be loaded. The message always names the file, and the
 * line where there is one, in the form {@code "mosquitto.conf:12: unknown option 'foo'"}, so that it can be
 * shown to a user as it is.
 */
public final class BrokerConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BrokerConfigException(String message) {
        super(message);
    }

    public BrokerConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An error at one line of a file: {@code "SOURCE:LINE: MESSAGE"}. */
    public static BrokerConfigException at(String source, int line, String message) {
        return new BrokerConfigException(source + ":" + line + ": " + message);
    }
}
