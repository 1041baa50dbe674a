package io.mqttharness.reports.bench;

import io.mqttharness.reports.bench.BenchResults.BrokerRun;
import io.mqttharness.reports.bench.BenchResults.BrokerStatus;
import io.mqttharness.reports.bench.BenchResults.RatePoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The regression gate: compares a bench with a baseline bench, broker by broker (by name), rate step by rate step
 * (workload, QoS and offered rate) and statement by statement. A step regressed when its achieved rate dropped, or
 * its p99 rose, by more than the thresholds; a statement regressed when it is FAILED now and was not before (or
 * was not in the baseline). What cannot be compared (a broker or step missing on one side, a broker skipped) is a
 * note, not a regression.
 */
public final class BenchComparison {
    private BenchComparison() {
    }

    /**
     * The outcome of a comparison.
     *
     * @param regressions everything that got worse, in broker order
     * @param notes what could not be compared, for the user to know
     * @param stepsCompared rate steps found on both sides
     * @param statementsCompared statements of the current results that were checked
     */
    public record Result(List<Regression> regressions, List<String> notes, int stepsCompared,
            int statementsCompared) {
        /** Whether the gate passes. */
        public boolean passed() {
            return regressions.isEmpty();
        }
    }

    public static Result compare(BenchResults baseline, BenchResults current, RegressionThresholds thresholds) {
        List<Regression> regressions = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int steps = 0;
        int statements = 0;
        Map<String, BrokerRun> base = new LinkedHashMap<>();
        baseline.brokers().forEach(b -> base.putIfAbsent(b.name(), b));
        for (BrokerRun now : current.brokers()) {
            BrokerRun before = base.remove(now.name());
            if (before == null) {
                notes.add(now.name() + ": not in the baseline, not compared");
                continue;
            }
            if (before.status() != BrokerStatus.RAN) {
                notes.add(now.name() + ": " + before.status().name().toLowerCase(Locale.ROOT)
                        + " in the baseline, not compared");
                continue;
            }
            if (now.status() == BrokerStatus.FAILED) {
                regressions.add(new Regression(now.name(), Regression.Kind.BROKER, "bench run", "ran", "failed",
                        now.reason() == null ? "failed" : now.reason()));
                continue;
            }
            if (now.status() == BrokerStatus.SKIPPED) {
                notes.add(now.name() + ": skipped now (" + (now.reason() == null ? "no reason given" : now.reason())
                        + "), not compared");
                continue;
            }
            steps += compareSteps(now.name(), list(before.rateSweep()), list(now.rateSweep()), thresholds,
                    regressions, notes);
            statements += compareStatements(now.name(), before, now, regressions);
        }
        base.keySet().forEach(name -> notes.add(name + ": in the baseline but not in the current results"));
        return new Result(List.copyOf(regressions), List.copyOf(notes), steps, statements);
    }

    private static int compareSteps(String broker, List<RatePoint> before, List<RatePoint> now,
            RegressionThresholds thresholds, List<Regression> regressions, List<String> notes) {
        int compared = 0;
        for (RatePoint b : before) {
            Optional<RatePoint> match = SustainedRate.at(now, b.workload(), b.qos(), b.offeredRate());
            String item = String.format(Locale.ROOT, "%s QoS %d @ %s/s", b.workload(), b.qos(),
                    BenchText.rate(b.offeredRate()));
            if (match.isEmpty()) {
                notes.add(broker + ": step " + item + " is not in the current results");
                continue;
            }
            compared++;
            RatePoint c = match.get();
            if (b.achievedRate() > 0) {
                double drop = (b.achievedRate() - c.achievedRate()) / b.achievedRate();
                if (drop > thresholds.maxThroughputDrop()) {
                    regressions.add(new Regression(broker, Regression.Kind.THROUGHPUT, item,
                            BenchText.rate(b.achievedRate()) + " msg/s", BenchText.rate(c.achievedRate()) + " msg/s",
                            signedPercent(-drop)));
                }
            }
            if (b.p99Micros() > 0) {
                double rise = (double) (c.p99Micros() - b.p99Micros()) / b.p99Micros();
                if (rise > thresholds.maxP99Rise()) {
                    regressions.add(new Regression(broker, Regression.Kind.P99, item, BenchText.millis(b.p99Micros()),
                            BenchText.millis(c.p99Micros()), signedPercent(rise)));
                }
            }
        }
        return compared;
    }

    private static int compareStatements(String broker, BrokerRun before, BrokerRun now,
            List<Regression> regressions) {
        if (now.conformance() == null || now.conformance().statements() == null) {
            return 0;
        }
        Map<StatementKey, String> previous = new HashMap<>();
        if (before.conformance() != null && before.conformance().statements() != null) {
            before.conformance().statements().forEach((k, v) -> previous.put(StatementKey.parse(k), v));
        }
        int compared = 0;
        for (Map.Entry<String, String> e : now.conformance().statements().entrySet()) {
            compared++;
            if (!"FAILED".equalsIgnoreCase(e.getValue())) {
                continue;
            }
            String was = previous.get(StatementKey.parse(e.getKey()));
            if (!"FAILED".equalsIgnoreCase(was)) {
                regressions.add(new Regression(broker, Regression.Kind.CONFORMANCE, e.getKey(),
                        was == null ? "not in baseline" : was, "FAILED", "newly failed"));
            }
        }
        return compared;
    }

    private static List<RatePoint> list(List<RatePoint> sweep) {
        return sweep == null ? List.of() : sweep;
    }

    private static String signedPercent(double fraction) {
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100.0);
    }
}
