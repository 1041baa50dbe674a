package io.mqttharness.broker.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;

/**
 * Client side of SCRAM-SHA-256 (RFC 5802 / RFC 7677) for tests and the scenario runner: put
 * {@link #clientFirstMessage()} into CONNECT's Authentication Data (method {@value ScramSha256AuthMethod#NAME}),
 * answer the server's AUTH 0x18 with {@link #clientFinalMessage(byte[])}, and check CONNACK's Authentication
 * Data with {@link #verifyServerFinal(byte[])}. One instance per exchange; not thread-safe. Malformed or
 * failing server messages raise {@link ScramException}.
 */
public final class ScramSha256Client {

    private static final String GS2_HEADER = "n,,";

    private final String username;
    private final String password;
    private final String clientNonce;
    private String clientFirstBare;
    private byte[] expectedServerSignature;

    public ScramSha256Client(String username, String password) {
        this(username, password, Scram.nonce());
    }

    /** With a chosen client nonce (printable ASCII without ','), for reproducing published test vectors. */
    public ScramSha256Client(String username, String password, String clientNonce) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        if (!Scram.printable(clientNonce)) {
            throw new IllegalArgumentException("client nonce must be printable ASCII without ','");
        }
        this.clientNonce = clientNonce;
    }

    /** client-first-message: {@code n,,n=USER,r=NONCE}. */
    public byte[] clientFirstMessage() {
        clientFirstBare = "n=" + Scram.encodeName(username) + ",r=" + clientNonce;
        return (GS2_HEADER + clientFirstBare).getBytes(StandardCharsets.UTF_8);
    }

    /** client-final-message for the server-first-message {@code r=...,s=...,i=...}. */
    public byte[] clientFinalMessage(byte[] serverFirstMessage) {
        if (clientFirstBare == null) {
            throw new IllegalStateException("clientFirstMessage() must be called first");
        }
        if (serverFirstMessage == null) {
            throw new ScramException("server-first-message is missing");
        }
        String serverFirst = Scram.utf8(serverFirstMessage);
        Map<Character, String> attributes = Scram.attributes(serverFirst);
        if (attributes.containsKey('e')) {
            throw new ScramException("server refused: " + attributes.get('e'));
        }
        String nonce = attributes.get('r');
        String salt = attributes.get('s');
        String iterations = attributes.get('i');
        if (nonce == null || salt == null || iterations == null) {
            throw new ScramException("server-first-message needs r=, s= and i=: '" + serverFirst + "'");
        }
        if (!nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length() || !Scram.printable(nonce)) {
            throw new ScramException("server nonce does not extend the client nonce");
        }
        int count;
        try {
            count = Integer.parseInt(iterations);
        } catch (NumberFormatException e) {
            throw new ScramException("iteration count is not a number: '" + iterations + "'");
        }
        if (count < 1) {
            throw new ScramException("iteration count must be positive: " + count);
        }
        byte[] salted = Scram.saltedPassword(password, Scram.unb64(salt, "s"), count);
        byte[] clientKey = Scram.clientKey(salted);
        String withoutProof = "c=" + Scram.b64(GS2_HEADER.getBytes(StandardCharsets.UTF_8)) + ",r=" + nonce;
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] clientSignature = Scram.hmac(Scram.hash(clientKey), authMessage);
        expectedServerSignature = Scram.hmac(Scram.serverKey(salted), authMessage);
        String proof = Scram.b64(Scram.xor(clientKey, clientSignature));
        return (withoutProof + ",p=" + proof).getBytes(StandardCharsets.UTF_8);
    }

    /** Checks server-final-message {@code v=...}; an {@code e=...} or a wrong signature is a ScramException. */
    public void verifyServerFinal(byte[] serverFinalMessage) {
        if (expectedServerSignature == null) {
            throw new IllegalStateException("clientFinalMessage(...) must be called first");
        }
        if (serverFinalMessage == null) {
            throw new ScramException("server-final-message is missing");
        }
        Map<Character, String> attributes = Scram.attributes(Scram.utf8(serverFinalMessage));
        if (attributes.containsKey('e')) {
            throw new ScramException("server refused: " + attributes.get('e'));
        }
        String verifier = attributes.get('v');
        if (verifier == null) {
            throw new ScramException("server-final-message has no v=");
        }
        if (!MessageDigest.isEqual(Scram.unb64(verifier, "v"), expectedServerSignature)) {
            throw new ScramException("server signature does not match: the server does not know the password");
        }
    }
}
