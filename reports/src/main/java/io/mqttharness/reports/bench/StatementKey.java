package io.mqttharness.reports.bench;

import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement of a bench's conformance map. Keys are either a bare statement ID ({@code MQTT-3.1.2-1}, a verdict
 * rolled up over the versions certified) or carry the protocol version before the ID ({@code 5/MQTT-3.1.2-1},
 * {@code 3.1.1:MQTT-3.1.2-1}, {@code 5.0 MQTT-3.1.2-1}), since the same ID means different sentences in MQTT 3.1.1
 * and 5.0.
 *
 * @param version {@code 3.1.1}, {@code 5}, or {@code ""} when the key names no version
 * @param id the statement ID, e.g. {@code MQTT-3.1.2-1}
 */
public record StatementKey(String version, String id) {
    /** Specification order: version, then the numbers of the ID compared as numbers. */
    public static final Comparator<StatementKey> ORDER = Comparator.comparing(StatementKey::version)
            .thenComparing(StatementKey::id, StatementKey::compareIds);

    private static final Pattern KEY = Pattern.compile("^(?:\\[?([0-9.]+)\\]?\\s*[/: ]\\s*)?(MQTT-[0-9][0-9A-Za-z.\\-]*)$");

    /** Parses a key of the statements map; a key that names no statement ID becomes a bare ID as it is. */
    public static StatementKey parse(String key) {
        String trimmed = key.trim();
        Matcher m = KEY.matcher(trimmed);
        if (!m.matches()) {
            return new StatementKey("", trimmed);
        }
        return new StatementKey(m.group(1) == null ? "" : normalizeVersion(m.group(1)), m.group(2));
    }

    /** {@code 3.1.1} for 3.1.1 / 4 (its protocol level), {@code 5} for 5 / 5.0; anything else as given. */
    public static String normalizeVersion(String version) {
        String v = version.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "3.1.1", "4", "311" -> "3.1.1";
            case "5", "5.0", "5.0.0" -> "5";
            default -> v;
        };
    }

    /** The section the statement is in: the first two numbers of the ID ({@code 3.1} for MQTT-3.1.2-1). */
    public String section() {
        return SpecSections.sectionOf(id);
    }

    private static int compareIds(String a, String b) {
        String[] pa = a.replace("MQTT-", "").split("[.\\-]");
        String[] pb = b.replace("MQTT-", "").split("[.\\-]");
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c = compareParts(pa[i], pb[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }

    private static int compareParts(String a, String b) {
        try {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
