package io.mqttharness.reports.bench;

import io.mqttharness.reports.bench.BenchResults.RatePoint;
import io.mqttharness.reports.bench.BenchResults.ResourceSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;

/** Computes the {@link Headline} of a set of brokers. */
final class HeadlineBuilder {
    private HeadlineBuilder() {
    }

    static Headline build(List<ReportBroker> brokers) {
        String workload = brokers.stream().flatMap(b -> b.sweep().stream()).map(RatePoint::workload)
                .filter(w -> w != null && !w.isBlank()).findFirst().orElse(null);
        TreeSet<Integer> qosLevels = new TreeSet<>();
        if (workload != null) {
            brokers.forEach(b -> b.sweep().stream().filter(p -> workload.equals(p.workload()))
                    .forEach(p -> qosLevels.add(p.qos())));
        }
        List<List<RatePoint>> sweeps = brokers.stream().filter(ReportBroker::ran).map(ReportBroker::sweep)
                .filter(s -> !s.isEmpty()).toList();
        Map<Integer, Double> common = new LinkedHashMap<>();
        for (int qos : qosLevels) {
            OptionalDouble rate = SustainedRate.commonRate(sweeps, workload, qos);
            rate.ifPresent(r -> common.put(qos, r));
        }
        List<Headline.Row> rows = new ArrayList<>();
        for (ReportBroker b : brokers) {
            Map<Integer, Double> max = new LinkedHashMap<>();
            Map<Integer, Long> p99 = new LinkedHashMap<>();
            for (int qos : qosLevels) {
                SustainedRate.maxSustained(b.sweep(), workload, qos).ifPresent(p -> max.put(qos, p.achievedRate()));
                Double rate = common.get(qos);
                if (rate != null) {
                    SustainedRate.at(b.sweep(), workload, qos, rate).ifPresent(p -> p99.put(qos, p.p99Micros()));
                }
            }
            Long peakRss = b.resources().stream().mapToLong(ResourceSample::rssBytes).boxed()
                    .max(Long::compare).orElse(null);
            Integer reached = b.run().connectionRamp() == null ? null : b.run().connectionRamp().reached();
            rows.add(new Headline.Row(b.name(), b.run().version(), b.run().status(), b.run().reason(),
                    b.conformance() == null ? null : b.conformance().totals(), max, p99, peakRss, reached));
        }
        return new Headline(workload, List.copyOf(qosLevels), common, rows);
    }
}
