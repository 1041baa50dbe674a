package io.mqttharness.reports.bench;

import io.mqttharness.reports.bench.BenchResults.BrokerRun;
import io.mqttharness.reports.bench.BenchResults.RatePoint;
import io.mqttharness.reports.bench.BenchResults.Round;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The host's CPU steal during a bench's load steps, for the full disclosure: on a shared VM it tells a quiet run
 * from a noisy one, which moves the latency tail of every broker far more than the differences between them.
 */
final class HostSteal {
    private HostSteal() {
    }

    /**
     * {@code median 0.3 %, highest 4.1 % (mosquitto, fan-in qos1 5000/s round 2), over 40 load steps}; null when no
     * step measured it.
     */
    static String summary(BenchResults results) {
        List<Double> values = new ArrayList<>();
        double highest = -1;
        String where = null;
        for (BrokerRun b : results.brokers()) {
            // a broker that did not run has no sweep
            for (RatePoint p : b.rateSweep() == null ? List.<RatePoint>of() : b.rateSweep()) {
                List<Round> rounds = p.rounds();
                if (rounds.isEmpty()) {
                    rounds = List.of(new Round(1, p.achievedRate(), p.lost(), p.p99Micros(), p.summaryFile(),
                            p.hostStealPercent()));
                }
                for (Round r : rounds) {
                    if (r.hostStealPercent() == null) {
                        continue;
                    }
                    values.add(r.hostStealPercent());
                    if (r.hostStealPercent() > highest) {
                        highest = r.hostStealPercent();
                        where = b.name() + ", " + p.workload() + " qos" + p.qos() + " "
                                + Math.round(p.offeredRate()) + "/s" + (p.rounds().isEmpty() ? "" : " round "
                                + r.round());
                    }
                }
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        Collections.sort(values);
        double median = values.get((values.size() - 1) / 2);
        return String.format(Locale.ROOT, "median %.1f %%, highest %.1f %% (%s), over %d load step%s", median,
                highest, where, values.size(), values.size() == 1 ? "" : "s");
    }
}
