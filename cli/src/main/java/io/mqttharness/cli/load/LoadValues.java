package io.mqttharness.cli.load;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the value syntaxes of {@code mqtt-harness load}: durations ({@code 60s}) and rates ({@code 10/s}). */
final class LoadValues {
    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m|min|h)?");
    private static final Pattern RATE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(?:/\\s*(ms|s|m|min|h))?");

    private LoadValues() {
    }

    /**
     * {@code 500ms}, {@code 60s}, {@code 2m} ({@code 2min}), {@code 1h}, or a bare number of seconds.
     *
     * @throws IllegalArgumentException with the expected syntax
     */
    static Duration duration(String option, String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid value for option '" + option + "': '" + text
                    + "' (expected a duration such as 500ms, 60s, 2m or 1h)");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return Duration.ofNanos((long) (value * unitNanos(unit)));
    }

    /**
     * Events per second from {@code 1/s}, {@code 0.5/s}, {@code 120/m} ({@code /min}), {@code 10/ms}, {@code 3600/h}
     * or a bare number (per second).
     *
     * @throws IllegalArgumentException with the expected syntax
     */
    static double ratePerSecond(String option, String text) {
        Matcher m = RATE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid value for option '" + option + "': '" + text
                    + "' (expected a rate such as 1/s, 0.5/s or 120/m)");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double rate = value * 1e9 / unitNanos(unit);
        if (!(rate > 0)) {
            throw new IllegalArgumentException("Invalid value for option '" + option + "': '" + text
                    + "' (the rate must be positive)");
        }
        return rate;
    }

    private static double unitNanos(String unit) {
        return switch (unit) {
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m", "min" -> 60e9;
            case "h" -> 3600e9;
            default -> throw new IllegalStateException(unit);
        };
    }
}
