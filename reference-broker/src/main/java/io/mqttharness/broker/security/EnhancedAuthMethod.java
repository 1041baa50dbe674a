package io.mqttharness.broker.security;

/**
 * An MQTT 5 enhanced authentication method (Authentication Method property, section 4.12), such as
 * {@code SCRAM-SHA-256}. Thread-safe; each connection gets its own {@link EnhancedAuthSession}.
 */
public interface EnhancedAuthMethod {

    /** The Authentication Method string clients send, compared exactly. */
    String name();

    /** A fresh exchange for one connection (or one re-authentication). */
    EnhancedAuthSession newSession(String clientId);
}
