package io.mqttharness.reports.bench;

import java.util.Locale;

/**
 * How much worse a rate step may get before the regression gate fails: both are fractions ({@code 0.10} = 10 %).
 *
 * @param maxThroughputDrop largest allowed relative drop of the achieved rate
 * @param maxP99Rise largest allowed relative rise of the 99th percentile latency
 */
public record RegressionThresholds(double maxThroughputDrop, double maxP99Rise) {
    /** 10 % throughput drop, 20 % p99 rise. */
    public static final RegressionThresholds DEFAULT = new RegressionThresholds(0.10, 0.20);

    public RegressionThresholds {
        if (!(maxThroughputDrop >= 0) || !(maxP99Rise >= 0)) {
            throw new IllegalArgumentException("thresholds must be 0 or more");
        }
    }

    /**
     * Parses a percentage: {@code 10%} or {@code 10} (both 10 %), {@code 2.5%}.
     *
     * @throws IllegalArgumentException with a message for the user when it is not a percentage of 0 or more
     */
    public static double parsePercent(String text) {
        String t = text == null ? "" : text.trim();
        String number = t.endsWith("%") ? t.substring(0, t.length() - 1).trim() : t;
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a percentage (expected e.g. 10%)", e);
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("'" + text + "' is not a percentage of 0 or more");
        }
        return value / 100.0;
    }

    /** {@code 10%}, {@code 2.5%}. */
    public static String format(double fraction) {
        double pct = fraction * 100.0;
        return (pct == Math.rint(pct) ? String.valueOf((long) pct) : String.format(Locale.ROOT, "%.1f", pct)) + "%";
    }
}
