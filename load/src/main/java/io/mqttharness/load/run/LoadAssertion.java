package io.mqttharness.load.run;

import java.util.Locale;

/**
 * One pass/fail condition on a {@link LoadResult}, parsed from text such as {@code p99<50ms}, {@code loss=0},
 * {@code loss<0.1%} or {@code rate>=4900} by {@link LoadAssertions#parse}.
 *
 * @param text the condition as written
 * @param metric what is compared
 * @param operator how
 * @param threshold the limit, in the metric's base unit (microseconds for latencies, msg/s for rate, a count, or
 *     a percentage when {@code percent})
 * @param percent the threshold is a percentage of the messages (counts only)
 */
public record LoadAssertion(String text, Metric metric, Operator operator, double threshold, boolean percent) {

    /** What an assertion can look at. */
    public enum Metric {
        P50("p50", true), P90("p90", true), P99("p99", true), P999("p999", true), P9999("p9999", true),
        MAX("max", true), LOSS("loss", false), DUPLICATES("duplicates", false), OUT_OF_ORDER("outoforder", false),
        OVERRUNS("overruns", false), KO("ko", false), RATE("rate", false), CONNECTIONS("connections", false);

        private final String key;
        private final boolean latency;

        Metric(String key, boolean latency) {
            this.key = key;
            this.latency = latency;
        }

        public String key() {
            return key;
        }

        /** An end-to-end latency percentile, in microseconds. */
        public boolean latency() {
            return latency;
        }

        /** Counts that can be given as a percentage of the messages. */
        boolean allowsPercent() {
            return this == LOSS || this == DUPLICATES || this == OUT_OF_ORDER || this == OVERRUNS || this == KO;
        }

        static Metric of(String key) {
            String k = key.toLowerCase(Locale.ROOT);
            for (Metric m : values()) {
                if (m.key.equals(k)) {
                    return m;
                }
            }
            return switch (k) {
                case "p99.9" -> P999;
                case "p99.99" -> P9999;
                case "lost" -> LOSS;
                case "duplicate", "dup", "dups" -> DUPLICATES;
                case "out-of-order", "ooo" -> OUT_OF_ORDER;
                case "overrun" -> OVERRUNS;
                default -> null;
            };
        }
    }

    /** Comparison operators. */
    public enum Operator {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean test(double actual, double limit) {
            return switch (this) {
                case LT -> actual < limit;
                case LE -> actual <= limit;
                case GT -> actual > limit;
                case GE -> actual >= limit;
                case EQ -> actual == limit;
            };
        }
    }

    /** Checks the result: the actual value (same unit as the threshold) and whether it passes. */
    public Outcome check(LoadResult result) {
        double actual = actual(result);
        return new Outcome(this, actual, operator.test(actual, threshold));
    }

    private double actual(LoadResult r) {
        LoadResult.MessageCounts m = r.messages();
        double count = switch (metric) {
            case P50 -> r.endToEnd().p50();
            case P90 -> r.endToEnd().p90();
            case P99 -> r.endToEnd().p99();
            case P999 -> r.endToEnd().p999();
            case P9999 -> r.endToEnd().p9999();
            case MAX -> r.endToEnd().max();
            case LOSS -> m.lost();
            case DUPLICATES -> m.duplicates();
            case OUT_OF_ORDER -> m.outOfOrder();
            case OVERRUNS -> r.overruns();
            case KO -> r.requests().values().stream().mapToLong(LoadResult.RequestStats::ko).sum();
            case RATE -> r.achievedRate();
            case CONNECTIONS -> r.connectionsReached();
        };
        if (!percent) {
            return count;
        }
        double base = switch (metric) {
            case OVERRUNS -> m.published() + r.overruns();
            case KO -> r.requests().values().stream().mapToLong(s -> s.ok() + s.ko()).sum();
            default -> m.received() + m.lost();
        };
        return base == 0 ? 0 : count * 100.0 / base;
    }

    /**
     * The verdict of one assertion.
     *
     * @param assertion what was checked
     * @param actual the measured value, in the threshold's unit
     * @param passed whether the condition holds
     */
    public record Outcome(LoadAssertion assertion, double actual, boolean passed) {
        /** E.g. {@code p99<50ms: actual 1.234 ms}. */
        public String describe() {
            LoadAssertion a = assertion;
            String value;
            if (a.metric().latency()) {
                value = actual >= 1000 ? String.format(Locale.ROOT, "%.3f ms", actual / 1000.0)
                        : String.format(Locale.ROOT, "%.0f us", actual);
            } else if (a.percent()) {
                value = String.format(Locale.ROOT, "%.4f %%", actual);
            } else if (a.metric() == Metric.RATE) {
                value = String.format(Locale.ROOT, "%.1f msg/s", actual);
            } else {
                value = String.format(Locale.ROOT, "%.0f", actual);
            }
            return a.text() + ": actual " + value;
        }
    }
}
