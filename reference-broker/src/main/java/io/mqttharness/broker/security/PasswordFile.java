package io.mqttharness.broker.security;

import io.mqttharness.broker.config.BrokerConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A password file in mosquitto_passwd(1) format, one {@code user:hash} per line ({@code #} comment lines and
 * blank lines are skipped). Two hash forms are read:
 * <ul>
 *   <li>{@code $7$ITERATIONS$SALT$HASH}: PBKDF2-HMAC-SHA512 of the password with the decoded salt, mosquitto
 *       2.x's default ({@code -H sha512-pbkdf2}; mosquitto_passwd writes 101 iterations, a 12-byte salt and a
 *       64-byte hash);</li>
 *   <li>{@code $6$SALT$HASH}: SHA-512 of password bytes followed by salt bytes, mosquitto 1.x's form
 *       ({@code -H sha512}).</li>
 * </ul>
 * Salt and hash are standard base64. Plain-text passwords, which only a mosquitto built without TLS reads,
 * are rejected. {@link #hashEntry} writes {@code $7$} lines that mosquitto itself accepts.
 */
public final class PasswordFile {

    /** mosquitto_passwd 2.x defaults for {@code $7$}. */
    public static final int DEFAULT_ITERATIONS = 101;
    public static final int SALT_LENGTH = 12;
    public static final int HASH_LENGTH = 64;

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Verified against for unknown users, so that their answer takes as long as a wrong password's. */
    private static final Entry DUMMY = new Entry(7, DEFAULT_ITERATIONS, new byte[SALT_LENGTH], new byte[HASH_LENGTH]);

    private final Map<String, Entry> entries;

    private PasswordFile(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** Reads a password file; any unreadable file or bad line is a {@link BrokerConfigException}. */
    public static PasswordFile load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BrokerConfigException(file + ": cannot read password file: " + e, e);
        }
        return parse(text, file.toString());
    }

    /** Parses password file text; {@code sourceName} appears in error messages. */
    public static PasswordFile parse(String text, String sourceName) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw BrokerConfigException.at(sourceName, i + 1, "expected 'user:hash' as mosquitto_passwd writes it");
            }
            String user = line.substring(0, colon);
            Entry entry = Entry.parse(line.substring(colon + 1));
            if (entry == null) {
                throw BrokerConfigException.at(sourceName, i + 1, "invalid password hash for user '" + user
                        + "': expected $7$ITERATIONS$SALT$HASH or $6$SALT$HASH (plain-text passwords are not "
                        + "supported; convert them with mosquitto_passwd -U)");
            }
            if (entries.putIfAbsent(user, entry) != null) {
                throw BrokerConfigException.at(sourceName, i + 1, "duplicate user '" + user + "'");
            }
        }
        return new PasswordFile(entries);
    }

    /** Whether {@code password} is the password of {@code user}; unknown users give false. */
    public boolean verify(String user, byte[] password) {
        Objects.requireNonNull(password, "password");
        Entry entry = user == null ? null : entries.get(user);
        if (entry == null) {
            DUMMY.matches(password);
            return false;
        }
        return entry.matches(password);
    }

    public boolean contains(String user) {
        return entries.containsKey(user);
    }

    public Set<String> users() {
        return entries.keySet();
    }

    /** A {@code user:$7$101$salt$hash} line (without line break) for {@code password} in UTF-8. */
    public static String hashEntry(String user, String password) {
        return hashEntry(user, password, DEFAULT_ITERATIONS);
    }

    /** Like {@link #hashEntry(String, String)} with a chosen iteration count. */
    public static String hashEntry(String user, String password, int iterations) {
        checkUser(user);
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        byte[] hash = Pbkdf2.derive("SHA-512", password.getBytes(StandardCharsets.UTF_8), salt, iterations,
                HASH_LENGTH);
        Base64.Encoder b64 = Base64.getEncoder();
        return user + ":$7$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    static void checkUser(String user) {
        if (user == null || user.isEmpty() || user.indexOf(':') >= 0 || user.indexOf('\n') >= 0
                || user.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("user name must be non-empty without ':' or line breaks: '" + user
                    + "'");
        }
    }

    /** One stored hash; {@code kind} 6 or 7 as in the {@code $6$}/{@code $7$} prefix. */
    private record Entry(int kind, int iterations, byte[] salt, byte[] hash) {

        /** Parses the part after {@code user:}; {@code null} when it is not a hash we read. */
        static Entry parse(String text) {
            String[] parts = text.split("\\$", -1);
            // "$7$101$salt$hash" splits into ["", "7", "101", "salt", "hash"]
            try {
                if (parts.length == 5 && parts[0].isEmpty() && parts[1].equals("7")) {
                    int iterations = Integer.parseInt(parts[2]);
                    byte[] salt = Base64.getDecoder().decode(parts[3]);
                    byte[] hash = Base64.getDecoder().decode(parts[4]);
                    return iterations < 1 || hash.length == 0 ? null : new Entry(7, iterations, salt, hash);
                }
                if (parts.length == 4 && parts[0].isEmpty() && parts[1].equals("6")) {
                    byte[] salt = Base64.getDecoder().decode(parts[2]);
                    byte[] hash = Base64.getDecoder().decode(parts[3]);
                    return hash.length == 64 ? new Entry(6, 0, salt, hash) : null;
                }
            } catch (IllegalArgumentException e) {
                return null; // bad number or bad base64: reported by the caller with file and line
            }
            return null;
        }

        boolean matches(byte[] password) {
            byte[] computed;
            if (kind == 7) {
                computed = Pbkdf2.derive("SHA-512", password, salt, iterations, hash.length);
            } else {
                MessageDigest sha512 = Pbkdf2.digest("SHA-512");
                sha512.update(password);
                sha512.update(salt);
                computed = sha512.digest();
            }
            return MessageDigest.isEqual(computed, hash);
        }
    }
}
