package io.mqttharness.broker.security;

import io.mqttharness.broker.config.BrokerConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the server stores for one SCRAM-SHA-256 user (RFC 5802 section 3): never the password, only the salt,
 * the iteration count, StoredKey = H(HMAC(SaltedPassword, "Client Key")) and ServerKey = HMAC(SaltedPassword,
 * "Server Key"). The {@code scram_password_file} holds one {@code user:salt:iterations:storedKey:serverKey} line
 * per user (base64 values; {@code #} comment lines and blank lines are skipped); {@link #hashEntry} writes such
 * a line.
 */
public record ScramCredentials(String username, byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {

    public ScramCredentials {
        Objects.requireNonNull(username, "username");
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        if (storedKey.length != Scram.KEY_LENGTH || serverKey.length != Scram.KEY_LENGTH) {
            throw new IllegalArgumentException("storedKey and serverKey must be " + Scram.KEY_LENGTH + " bytes");
        }
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    /** Derives the stored credentials from a password. */
    public static ScramCredentials derive(String username, String password, byte[] salt, int iterations) {
        byte[] salted = Scram.saltedPassword(password, salt, iterations);
        return new ScramCredentials(username, salt, iterations, Scram.hash(Scram.clientKey(salted)),
                Scram.serverKey(salted));
    }

    /** A {@code scram_password_file} line for {@code password} with a random 16-byte salt and 4096 iterations. */
    public static String hashEntry(String username, String password) {
        return hashEntry(username, password, Scram.DEFAULT_ITERATIONS);
    }

    public static String hashEntry(String username, String password, int iterations) {
        PasswordFile.checkUser(username);
        return derive(username, password, Scram.randomSalt(), iterations).toLine();
    }

    /** This entry as a file line, without line break. */
    public String toLine() {
        Base64.Encoder b64 = Base64.getEncoder();
        return username + ":" + b64.encodeToString(salt) + ":" + iterations + ":" + b64.encodeToString(storedKey)
                + ":" + b64.encodeToString(serverKey);
    }

    /** Reads a {@code scram_password_file}; an unreadable file or bad line is a {@link BrokerConfigException}. */
    public static Map<String, ScramCredentials> loadFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BrokerConfigException(file + ": cannot read SCRAM password file: " + e, e);
        }
        return parseFile(text, file.toString());
    }

    /** Parses {@code scram_password_file} text into credentials by user name. */
    public static Map<String, ScramCredentials> parseFile(String text, String sourceName) {
        Map<String, ScramCredentials> out = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(":", -1);
            if (parts.length != 5 || parts[0].isEmpty()) {
                throw BrokerConfigException.at(sourceName, i + 1,
                        "expected 'user:salt:iterations:storedKey:serverKey' (base64 values)");
            }
            ScramCredentials credentials;
            try {
                Base64.Decoder b64 = Base64.getDecoder();
                credentials = new ScramCredentials(parts[0], b64.decode(parts[1]), Integer.parseInt(parts[2]),
                        b64.decode(parts[3]), b64.decode(parts[4]));
            } catch (IllegalArgumentException e) {
                // NumberFormatException is an IllegalArgumentException too
                throw BrokerConfigException.at(sourceName, i + 1, "invalid SCRAM credentials for user '" + parts[0]
                        + "': " + e.getMessage());
            }
            if (out.putIfAbsent(parts[0], credentials) != null) {
                throw BrokerConfigException.at(sourceName, i + 1, "duplicate user '" + parts[0] + "'");
            }
        }
        return Map.copyOf(out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScramCredentials o && username.equals(o.username) && iterations == o.iterations
                && java.util.Arrays.equals(salt, o.salt) && java.util.Arrays.equals(storedKey, o.storedKey)
                && java.util.Arrays.equals(serverKey, o.serverKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, iterations, java.util.Arrays.hashCode(storedKey));
    }

    @Override
    public String toString() {
        return "ScramCredentials[" + username + ", iterations=" + iterations + "]";
    }
}
