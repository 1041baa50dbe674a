package io.mqttharness.reports.bench;

import io.mqttharness.reports.bench.BenchResults.BrokerRun;
import io.mqttharness.reports.bench.BenchResults.RatePoint;
import io.mqttharness.reports.bench.BenchResults.ResourceSample;
import java.util.List;

/**
 * A broker as the report shows it: its bench run, the file it came from, and a name that is unique across the
 * merged files.
 *
 * @param name unique display name (the bench's name, with {@code (2)} etc. added when two files name the same broker)
 * @param run the broker's results
 * @param source the results file it came from
 * @param conformance its shaped conformance, or null when it was not certified
 */
public record ReportBroker(String name, BrokerRun run, LoadedBenchResults source, BrokerConformance conformance) {

    /** The rate sweep, empty when there is none. */
    public List<RatePoint> sweep() {
        return run.rateSweep() == null ? List.of() : run.rateSweep();
    }

    /** The resource samples, empty when there are none. */
    public List<ResourceSample> resources() {
        return run.resources() == null ? List.of() : run.resources();
    }

    /** Whether it ran. */
    public boolean ran() {
        return run.status() == BenchResults.BrokerStatus.RAN;
    }
}
