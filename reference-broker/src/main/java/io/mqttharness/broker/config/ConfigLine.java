package io.mqttharness.broker.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code key value...} line of a mosquitto-style file, with the value conversions every option needs.
 * Every conversion failure becomes a {@link BrokerConfigException} that names the file, the line and the key,
 * so that the parser itself never formats an error.
 *
 * @param source file name used in messages
 * @param number 1-based line number
 * @param key option name
 * @param rest everything after the key, trimmed; mosquitto reads string and path values this way, so a path
 *        may contain spaces
 * @param tokens the whitespace-separated values after the key, up to a token that starts with {@code #}
 *        (a trailing comment, as in {@code listener 1883 # public})
 */
record ConfigLine(String source, int number, String key, String rest, List<String> tokens) {

    ConfigLine {
        tokens = List.copyOf(tokens);
    }

    /**
     * Splits one raw line; returns {@code null} for blank lines and comment lines (first non-blank character
     * {@code #}).
     */
    static ConfigLine parse(String source, int number, String raw) {
        String line = raw.strip();
        if (line.isEmpty() || line.charAt(0) == '#') {
            return null;
        }
        int space = 0;
        while (space < line.length() && !Character.isWhitespace(line.charAt(space))) {
            space++;
        }
        String key = line.substring(0, space);
        String rest = line.substring(space).strip();
        List<String> tokens = new ArrayList<>();
        for (String token : rest.split("\\s+")) {
            if (token.startsWith("#")) {
                break;
            }
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return new ConfigLine(source, number, key, rest, tokens);
    }

    BrokerConfigException error(String message) {
        return BrokerConfigException.at(source, number, message);
    }

    /** The single value of an option that takes exactly one. */
    String single() {
        if (tokens.isEmpty()) {
            throw error("missing value for '" + key + "'");
        }
        if (tokens.size() > 1) {
            throw error("'" + key + "' takes one value, found " + tokens.size() + ": '" + String.join(" ", tokens)
                    + "'");
        }
        return tokens.get(0);
    }

    /** The whole rest of the line, for free-text values such as {@code log_dest file /var/log/x.log}. */
    String text() {
        if (rest.isEmpty()) {
            throw error("missing value for '" + key + "'");
        }
        return rest;
    }

    long longValue(long min, long max) {
        return number(single(), min, max);
    }

    /** One token of this line as a whole number in {@code [min, max]}. */
    long number(String value, long min, long max) {
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw error("'" + key + "' needs a whole number, found '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw error("'" + key + "' must be between " + min + " and " + max + ", found " + parsed);
        }
        return parsed;
    }

    int intValue(int min, int max) {
        return (int) longValue(min, max);
    }

    /** mosquitto accepts exactly {@code true} and {@code false}; so do we, so that a typo is not read as false. */
    boolean booleanValue() {
        String value = single();
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error("'" + key + "' needs true or false, found '" + value + "'");
        };
    }

    /** A path value (the rest of the line), resolved against the config file's directory when relative. */
    Path path(Path baseDirectory) {
        String value = text();
        try {
            Path path = Path.of(value);
            return path.isAbsolute() || baseDirectory == null ? path : baseDirectory.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw error("'" + key + "' has an invalid path '" + value + "': " + e.getReason());
        }
    }

    /** Like {@link #path} but the file must exist and be a readable regular file. */
    Path existingFile(Path baseDirectory) {
        Path path = path(baseDirectory);
        if (!Files.isRegularFile(path)) {
            throw error("'" + key + "' file does not exist: " + path);
        }
        if (!Files.isReadable(path)) {
            throw error("'" + key + "' file is not readable: " + path);
        }
        return path;
    }
}
