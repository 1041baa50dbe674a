package io.mqttharness.reports.conformance;

import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import io.mqttharness.spec.baseline.BaselineFinding;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

/** Wording shared by the report writers, so that a verdict or a failure reads the same in every format. */
public final class ReportText {
    private ReportText() {
    }

    /** Short lower-case label of a verdict, e.g. {@code n/a} for NOT_APPLICABLE. */
    public static String label(Verdict verdict) {
        return switch (verdict) {
            case PASSED -> "passed";
            case FAILED -> "failed";
            case OBSERVATION -> "observation";
            case NOT_APPLICABLE -> "n/a";
            case ERROR -> "error";
            case NOT_COVERED -> "not covered";
        };
    }

    /** The text on one line: line breaks and runs of white space become one space. */
    public static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /** {@link #oneLine} cut to {@code max} characters with an ellipsis. */
    public static String oneLine(String text, int max) {
        String line = oneLine(text);
        return line.length() <= max ? line : line.substring(0, Math.max(0, max - 3)) + "...";
    }

    /** {@code [5] publish-qos3 (MQTT-3.3.1-4): message on one line}. */
    public static String resultLine(ScenarioResult r) {
        StringBuilder sb = new StringBuilder(r.displayName());
        if (!r.statements().isEmpty()) {
            sb.append(" (").append(String.join(", ", r.statements())).append(')');
        }
        String detail = r.verdict() == Verdict.OBSERVATION && r.message() == null
                ? String.join("; ", r.observations()) : r.message();
        if (detail != null && !detail.isBlank()) {
            sb.append(": ").append(oneLine(detail));
        }
        return sb.toString();
    }

    /** What a baseline finding expected: {@code no deviation}, {@code FAILED} or {@code FAILED or PASSED}. */
    public static String expected(BaselineFinding f) {
        return f.expected().isEmpty() ? "no deviation"
                : f.expected().stream().sorted().map(Verdict::name).collect(Collectors.joining(" or "));
    }

    /** {@code 1 m 23.4 s} or {@code 12.3 s}. */
    public static String duration(long millis) {
        Duration d = Duration.ofMillis(millis);
        long minutes = d.toMinutes();
        double seconds = (millis - minutes * 60_000) / 1000.0;
        return minutes > 0 ? String.format(Locale.ROOT, "%d m %.1f s", minutes, seconds)
                : String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
