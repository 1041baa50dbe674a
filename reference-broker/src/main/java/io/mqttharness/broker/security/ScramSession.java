package io.mqttharness.broker.security;

/** Types shared by the SCRAM server session and its method. */
final class ScramSession {

    private ScramSession() {
    }

    /** Credentials to run the exchange with; {@code known} false for the stand-ins of unknown users. */
    record Lookup(ScramCredentials credentials, boolean known) {
    }
}
