package io.mqttharness.spec.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Client side of SCRAM-SHA-256 (RFC 5802 / RFC 7677) for enhanced-authentication scenarios: the engine's own
 * implementation, so that the harness needs no broker classes at run time. One instance per exchange.
 * A malformed or refusing server message raises {@link IllegalArgumentException} naming the problem.
 */
public final class ScramSha256Client {
    private static final String GS2_HEADER = "n,,";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String username;
    private final String password;
    private final String clientNonce;
    private String clientFirstBare;
    private byte[] expectedServerSignature;

    public ScramSha256Client(String username, String password) {
        this.username = username;
        this.password = password;
        byte[] nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        this.clientNonce = Base64.getEncoder().encodeToString(nonce);
    }

    private ScramSha256Client(String username, String password, String clientNonce, String clientFirstBare) {
        this.username = username;
        this.password = password;
        this.clientNonce = clientNonce;
        this.clientFirstBare = clientFirstBare;
    }

    /**
     * The same exchange (nonce, first message already sent) continued with another password: its client-final
     * carries a proof the server must reject.
     */
    public ScramSha256Client withPassword(String otherPassword) {
        return new ScramSha256Client(username, otherPassword, clientNonce, clientFirstBare);
    }

    /** client-first-message {@code n,,n=USER,r=NONCE}. */
    public byte[] clientFirstMessage() {
        clientFirstBare = "n=" + username.replace("=", "=3D").replace(",", "=2C") + ",r=" + clientNonce;
        return (GS2_HEADER + clientFirstBare).getBytes(StandardCharsets.UTF_8);
    }

    /** client-final-message answering the server-first-message {@code r=...,s=...,i=...}. */
    public byte[] clientFinalMessage(byte[] serverFirstMessage) {
        if (clientFirstBare == null) {
            throw new IllegalStateException("the client-first-message was not sent");
        }
        String serverFirst = new String(serverFirstMessage, StandardCharsets.UTF_8);
        Map<Character, String> a = attributes(serverFirst);
        if (a.containsKey('e')) {
            throw new IllegalArgumentException("the server refused: " + a.get('e'));
        }
        String nonce = a.get('r');
        String salt = a.get('s');
        String iterations = a.get('i');
        if (nonce == null || salt == null || iterations == null || !nonce.startsWith(clientNonce)) {
            throw new IllegalArgumentException("invalid server-first-message '" + serverFirst + "'");
        }
        int count;
        try {
            count = Integer.parseInt(iterations);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("iteration count is not a number in '" + serverFirst + "'");
        }
        byte[] salted = pbkdf2(password, Base64.getDecoder().decode(salt), count);
        byte[] clientKey = hmac(salted, "Client Key");
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(GS2_HEADER.getBytes(StandardCharsets.UTF_8))
                + ",r=" + nonce;
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] clientSignature = hmac(sha256(clientKey), authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
        }
        expectedServerSignature = hmac(hmac(salted, "Server Key"), authMessage);
        return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the server-final-message {@code v=...} proves that the server knows the credentials. */
    public boolean verifyServerFinal(byte[] serverFinalMessage) {
        if (expectedServerSignature == null || serverFinalMessage == null) {
            return false;
        }
        String v = attributes(new String(serverFinalMessage, StandardCharsets.UTF_8)).get('v');
        return v != null && MessageDigest.isEqual(expectedServerSignature, Base64.getDecoder().decode(v));
    }

    /** The server-final-message a server knowing the credentials sends ({@code v=...}), after the client-final. */
    public String expectedServerFinal() {
        if (expectedServerSignature == null) {
            throw new IllegalStateException("the client-final-message was not computed");
        }
        return "v=" + Base64.getEncoder().encodeToString(expectedServerSignature);
    }

    private static Map<Character, String> attributes(String message) {
        Map<Character, String> out = new HashMap<>();
        for (String part : message.split(",")) {
            if (part.length() >= 2 && part.charAt(1) == '=') {
                out.put(part.charAt(0), part.substring(2));
            }
        }
        return out;
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            return f.generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
