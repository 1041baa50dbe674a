package io.mqttharness.broker.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * PBKDF2 (RFC 8018 section 5.2) over raw password bytes, plus the hash and HMAC helpers the password and SCRAM
 * code share. Implemented here rather than with {@code PBEKeySpec} because that takes a {@code char[]} and
 * encodes it itself, while an MQTT password is arbitrary binary data.
 */
final class Pbkdf2 {

    private Pbkdf2() {
    }

    /** PBKDF2 with HMAC-{@code hashName} ("SHA-256", "SHA-512"), output {@code length} bytes. */
    static byte[] derive(String hashName, byte[] password, byte[] salt, int iterations, int length) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        Mac mac = hmac(hashName, password);
        int blockLength = mac.getMacLength();
        byte[] out = new byte[length];
        int blocks = (length + blockLength - 1) / blockLength;
        for (int block = 1; block <= blocks; block++) {
            mac.update(salt);
            mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
            byte[] u = mac.doFinal();
            byte[] t = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < t.length; j++) {
                    t[j] ^= u[j];
                }
            }
            int offset = (block - 1) * blockLength;
            System.arraycopy(t, 0, out, offset, Math.min(blockLength, length - offset));
        }
        return out;
    }

    /** An initialised HMAC-{@code hashName}; an empty key is valid HMAC (RFC 2104 pads it with zeros). */
    static Mac hmac(String hashName, byte[] key) {
        String algorithm = "Hmac" + hashName.replace("-", "");
        try {
            Mac mac = Mac.getInstance(algorithm);
            // The JCE rejects empty keys; a single zero byte pads to the same all-zero HMAC key block.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }

    static byte[] hmac(String hashName, byte[] key, byte[] data) {
        return hmac(hashName, key).doFinal(data);
    }

    static MessageDigest digest(String hashName) {
        try {
            return MessageDigest.getInstance(hashName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(hashName + " is not available in this JVM", e);
        }
    }
}
