package io.mqttharness.spec.capability;

import java.util.Objects;

/**
 * Enhanced authentication (MQTT 5 section 4.12) the broker supports, with valid credentials for it.
 *
 * @param method the Authentication Method name, e.g. {@code SCRAM-SHA-256}
 * @param username user name of the SASL exchange
 * @param password password of the SASL exchange
 */
public record EnhancedAuthProfile(String method, String username, String password) {
    /** The method the engine can run itself ({@code ${scram_first:c}} / {@code ${scram_final:c:var}}). */
    public static final String SCRAM_SHA_256 = "SCRAM-SHA-256";

    public EnhancedAuthProfile {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        // the password stays out of logs and reports
        return "EnhancedAuthProfile[method=" + method + ", username=" + username + "]";
    }
}
