package io.mqttharness.load.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and checks {@code --assert} text: comma-separated conditions {@code METRIC OP VALUE[UNIT]}.
 * <ul>
 *   <li>latency percentiles of the end-to-end latency: {@code p50}, {@code p90}, {@code p99}, {@code p999}
 *       ({@code p99.9}), {@code p9999} ({@code p99.99}), {@code max}, with a unit {@code us}, {@code ms} or
 *       {@code s} (required): {@code p99<50ms}</li>
 *   <li>message counts {@code loss} ({@code lost}), {@code duplicates}, {@code outoforder}, {@code overruns},
 *       {@code ko}: a number, or a percentage with {@code %} ({@code loss<0.1%})</li>
 *   <li>{@code rate} (achieved msg/s, optionally written {@code 4900/s}) and {@code connections}</li>
 * </ul>
 * Operators {@code <}, {@code <=}, {@code >}, {@code >=}, {@code =} ({@code ==}).
 */
public final class LoadAssertions {
    private static final Pattern CONDITION = Pattern.compile(
            "\\s*([A-Za-z][A-Za-z0-9.\\-]*)\\s*(<=|>=|==|=|<|>)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([A-Za-z%/]*)\\s*");

    private LoadAssertions() {
    }

    /**
     * The conditions of {@code text}.
     *
     * @throws IllegalArgumentException naming the bad condition and what is expected
     */
    public static List<LoadAssertion> parse(String text) {
        List<LoadAssertion> result = new ArrayList<>();
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty assertion (expected e.g. \"p99<50ms,loss=0\")");
        }
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            result.add(parseOne(part.trim()));
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("empty assertion (expected e.g. \"p99<50ms,loss=0\")");
        }
        return result;
    }

    private static LoadAssertion parseOne(String text) {
        Matcher m = CONDITION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read assertion '" + text
                    + "' (expected METRIC OP VALUE, e.g. p99<50ms, loss=0, rate>=1000)");
        }
        LoadAssertion.Metric metric = LoadAssertion.Metric.of(m.group(1));
        if (metric == null) {
            throw new IllegalArgumentException("unknown metric '" + m.group(1) + "' in assertion '" + text
                    + "' (known: p50, p90, p99, p999, p9999, max, loss, duplicates, outoforder, overruns, ko, rate, "
                    + "connections)");
        }
        LoadAssertion.Operator operator = switch (m.group(2)) {
            case "<" -> LoadAssertion.Operator.LT;
            case "<=" -> LoadAssertion.Operator.LE;
            case ">" -> LoadAssertion.Operator.GT;
            case ">=" -> LoadAssertion.Operator.GE;
            default -> LoadAssertion.Operator.EQ;
        };
        double value = Double.parseDouble(m.group(3));
        String unit = m.group(4).toLowerCase(Locale.ROOT);
        if (metric.latency()) {
            double factor = switch (unit) {
                case "us", "µs" -> 1;
                case "ms" -> 1_000;
                case "s" -> 1_000_000;
                case "" -> throw new IllegalArgumentException("assertion '" + text
                        + "' needs a unit: us, ms or s (e.g. " + m.group(1) + m.group(2) + m.group(3) + "ms)");
                default -> throw new IllegalArgumentException("unknown unit '" + m.group(4) + "' in assertion '"
                        + text + "' (expected us, ms or s)");
            };
            return new LoadAssertion(text, metric, operator, value * factor, false);
        }
        if (unit.equals("%")) {
            if (!metric.allowsPercent()) {
                throw new IllegalArgumentException("assertion '" + text + "': " + metric.key()
                        + " cannot be a percentage");
            }
            return new LoadAssertion(text, metric, operator, value, true);
        }
        if (!unit.isEmpty() && !(metric == LoadAssertion.Metric.RATE && unit.equals("/s"))) {
            throw new IllegalArgumentException("unexpected unit '" + m.group(4) + "' in assertion '" + text + "'"
                    + (metric == LoadAssertion.Metric.RATE ? " (rate is in msg/s: rate>=1000 or rate>=1000/s)"
                            : " (" + metric.key() + " is a count, or a percentage with %)"));
        }
        return new LoadAssertion(text, metric, operator, value, false);
    }

    /** Checks every assertion against the result. */
    public static List<LoadAssertion.Outcome> check(List<LoadAssertion> assertions, LoadResult result) {
        return assertions.stream().map(a -> a.check(result)).toList();
    }
}
