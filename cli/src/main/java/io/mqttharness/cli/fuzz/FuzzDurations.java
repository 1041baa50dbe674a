package io.mqttharness.cli.fuzz;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations users type: {@code 500ms}, {@code 20s}, {@code 5m}, {@code 1h}; a bare number is seconds. */
final class FuzzDurations {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    private FuzzDurations() {
    }

    /** @throws IllegalArgumentException for anything else, or zero */
    static Duration parse(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 30s, 5m, 1h, 500ms)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.isZero()) {
            throw new IllegalArgumentException("'" + text + "' is zero");
        }
        return d;
    }
}
