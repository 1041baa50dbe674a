package io.mqttharness.broker.security;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SCRAM-SHA-256 primitives shared by server and client (RFC 5802 sections 3 and 7, RFC 7677). Password
 * preparation approximates SASLprep (RFC 4013) with Unicode NFKC normalisation, which is exact for ASCII
 * passwords; the credentials generator and the client use the same preparation, so they always agree.
 */
final class Scram {

    static final String HASH = "SHA-256";
    static final int KEY_LENGTH = 32;
    /** RFC 7677 section 4: the iteration count SHOULD be at least 4096. */
    static final int DEFAULT_ITERATIONS = 4096;
    static final int SALT_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Scram() {
    }

    static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        byte[] prepared = Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
        return Pbkdf2.derive(HASH, prepared, salt, iterations, KEY_LENGTH);
    }

    static byte[] clientKey(byte[] saltedPassword) {
        return Pbkdf2.hmac(HASH, saltedPassword, "Client Key".getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] serverKey(byte[] saltedPassword) {
        return Pbkdf2.hmac(HASH, saltedPassword, "Server Key".getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] hash(byte[] data) {
        return Pbkdf2.digest(HASH).digest(data);
    }

    static byte[] hmac(byte[] key, String data) {
        return Pbkdf2.hmac(HASH, key, data.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    /** A printable nonce without ',' (base64 of random bytes). */
    static String nonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] randomSalt() {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return salt;
    }

    static String b64(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    /** Strict UTF-8 decoding; malformed input is a {@link ScramException}. */
    static String utf8(byte[] data) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw new ScramException("message is not valid UTF-8");
        }
    }

    static byte[] unb64(String value, String attribute) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new ScramException("attribute '" + attribute + "' is not valid base64");
        }
    }

    /** RFC 5802 saslname: ',' and '=' are sent as "=2C" and "=3D". */
    static String encodeName(String name) {
        return name.replace("=", "=3D").replace(",", "=2C");
    }

    static String decodeName(String saslName) {
        StringBuilder out = new StringBuilder(saslName.length());
        for (int i = 0; i < saslName.length(); i++) {
            char c = saslName.charAt(i);
            if (c != '=') {
                out.append(c);
            } else if (saslName.startsWith("=2C", i)) {
                out.append(',');
                i += 2;
            } else if (saslName.startsWith("=3D", i)) {
                out.append('=');
                i += 2;
            } else {
                throw new ScramException("user name contains '=' not followed by 2C or 3D");
            }
        }
        return out.toString();
    }

    /**
     * Splits {@code a=value,b=value} into an ordered map. Every part must be one letter, '=' and a value;
     * repeated attributes are malformed.
     */
    static Map<Character, String> attributes(String message) {
        Map<Character, String> out = new LinkedHashMap<>();
        for (String part : message.split(",", -1)) {
            if (part.length() < 2 || part.charAt(1) != '=' || !Character.isLetter(part.charAt(0))) {
                throw new ScramException("malformed attribute '" + part + "'");
            }
            if (out.put(part.charAt(0), part.substring(2)) != null) {
                throw new ScramException("attribute '" + part.charAt(0) + "' appears twice");
            }
        }
        return out;
    }

    /** RFC 5802 "printable": %x21-2B / %x2D-7E, i.e. visible ASCII except ','. */
    static boolean printable(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E || c == ',') {
                return false;
            }
        }
        return true;
    }
}
