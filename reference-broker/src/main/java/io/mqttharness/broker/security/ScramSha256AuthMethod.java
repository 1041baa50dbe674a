package io.mqttharness.broker.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * SCRAM-SHA-256 (RFC 5802, RFC 7677) as the MQTT 5 enhanced authentication method {@value #NAME}. The
 * exchange maps onto MQTT as: CONNECT carries client-first-message; the server answers AUTH 0x18 with
 * server-first-message; the client's AUTH 0x18 carries client-final-message; CONNACK 0x00 carries
 * server-final-message ({@code v=...}). Channel binding is not supported (gs2 flag {@code p=} fails).
 */
public final class ScramSha256AuthMethod implements EnhancedAuthMethod {

    public static final String NAME = "SCRAM-SHA-256";

    private final Map<String, ScramCredentials> credentials;
    private final Supplier<String> serverNonces;
    /** Key for the made-up salts of unknown users, so that the answer for them looks like a real user's. */
    private final byte[] unknownUserKey = new byte[32];

    public ScramSha256AuthMethod(Map<String, ScramCredentials> credentials) {
        this(credentials, Scram::nonce);
    }

    /** With a fixed server nonce source, for reproducing published test vectors. */
    ScramSha256AuthMethod(Map<String, ScramCredentials> credentials, Supplier<String> serverNonces) {
        this.credentials = Map.copyOf(credentials);
        this.serverNonces = serverNonces;
        new SecureRandom().nextBytes(unknownUserKey);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EnhancedAuthSession newSession(String clientId) {
        return new ScramSha256ServerSession(this::lookup, serverNonces);
    }

    /** The stored credentials, or stand-ins with a stable fake salt that can never verify. */
    private ScramSession.Lookup lookup(String username) {
        ScramCredentials known = credentials.get(username);
        if (known != null) {
            return new ScramSession.Lookup(known, true);
        }
        byte[] salt = Arrays.copyOf(Pbkdf2.hmac(Scram.HASH, unknownUserKey,
                username.getBytes(StandardCharsets.UTF_8)), Scram.SALT_LENGTH);
        byte[] random = new byte[Scram.KEY_LENGTH];
        new SecureRandom().nextBytes(random);
        return new ScramSession.Lookup(new ScramCredentials(username, salt, Scram.DEFAULT_ITERATIONS, random, random),
                false);
    }
}
