package io.mqttharness.reports.bench;

import io.mqttharness.reports.HtmlText;
import java.util.Locale;

/** Number and text formatting shared by the HTML and Markdown bench reports. */
final class BenchText {
    private BenchText() {
    }

    /** Text safe inside an HTML element or a double-quoted attribute. */
    static String esc(String text) {
        return HtmlText.escape(text);
    }

    /** A rate in msg/s: 12,345 (no decimals above 100). */
    static String rate(double msgPerSecond) {
        return msgPerSecond >= 100 ? String.format(Locale.ROOT, "%,.0f", msgPerSecond)
                : String.format(Locale.ROOT, "%.1f", msgPerSecond);
    }

    /** Microseconds as milliseconds: 0.85 ms, 12.3 ms, 1,234 ms. */
    static String millis(long micros) {
        double ms = micros / 1000.0;
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.2f ms", ms);
        }
        return ms < 100 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%,.0f ms", ms);
    }

    /** Bytes in MiB or GiB. */
    static String bytes(long bytes) {
        double mib = bytes / (1024.0 * 1024.0);
        return mib >= 1024 ? String.format(Locale.ROOT, "%.1f GiB", mib / 1024.0)
                : String.format(Locale.ROOT, "%.0f MiB", mib);
    }

    /** A value for a table cell, "—" when absent. */
    static String orDash(String value) {
        return value == null || value.isBlank() ? "\u2014" : value;
    }

    /** Text on one line (for Markdown table cells): newlines and pipes replaced. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").replace("|", "\\|").trim();
    }
}
