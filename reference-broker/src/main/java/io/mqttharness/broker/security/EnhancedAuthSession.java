package io.mqttharness.broker.security;

/**
 * The server side of one enhanced authentication exchange. Not thread-safe: the connection feeds it the
 * Authentication Data of CONNECT and of each AUTH packet in order. Implementations never throw for bad client
 * data; they answer {@link AuthStep.Outcome#FAILURE}. Once SUCCESS or FAILURE was returned, further steps
 * fail.
 */
public interface EnhancedAuthSession {

    /** Processes the client's Authentication Data (may be {@code null} when the packet carried none). */
    AuthStep step(byte[] clientData);

    /** The user name the exchange proved; valid after {@link AuthStep.Outcome#SUCCESS}, else {@code null}. */
    String authenticatedUsername();
}
