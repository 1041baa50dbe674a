package io.mqttharness.bench;

import io.mqttharness.brokers.RunningBroker;
import io.mqttharness.load.run.LoadScenario;
import io.mqttharness.reports.bench.BenchResults.BrokerRun;
import io.mqttharness.reports.bench.BenchResults.BrokerStatus;
import io.mqttharness.reports.bench.BenchResults.Conformance;
import io.mqttharness.reports.bench.BenchResults.ConnectionRamp;
import io.mqttharness.reports.bench.BenchResults.RatePoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One started broker during the bench, and what has been measured of it so far: {@link BrokerBench} certifies and
 * starts it, {@link SweepRunner} adds rate steps to it (alone, or interleaved with the other brokers' slots), and
 * {@link #result()} makes its {@link BrokerRun}. Used by the bench's single thread only.
 */
final class BrokerSlot {
    final String name;
    /** The broker's directory name below the output directory, as the results refer to it. */
    final String relativeDir;
    final Path dir;
    final ProcSampler sampler = new ProcSampler();
    final List<String> problems = new ArrayList<>();
    final List<RatePoint> sweep = new ArrayList<>();
    final List<String> notApplicable = new ArrayList<>();
    /** The running instance for the load; null when it did not come back after certification. */
    RunningBroker broker;
    String version;
    String launch;
    Conformance conformance;
    ConnectionRamp ramp;
    private final Set<String> stopped = new HashSet<>();

    BrokerSlot(String name, String relativeDir, Path dir) {
        this.name = name;
        this.relativeDir = relativeDir;
        this.dir = dir;
    }

    /** Whether the broker is up for the load and this workload and QoS have not been given up on. */
    boolean runs(LoadScenario workload, int qos) {
        return broker != null && !stopped.contains(key(workload, qos));
    }

    /** No further steps of this workload and QoS: not applicable, or failed at the lowest rate. */
    void stop(LoadScenario workload, int qos) {
        stopped.add(key(workload, qos));
    }

    private static String key(LoadScenario workload, int qos) {
        return workload.cliName() + " qos" + qos;
    }

    /** The broker's results: RAN, or FAILED with every problem recorded. */
    BrokerRun result() {
        BrokerStatus status = problems.isEmpty() ? BrokerStatus.RAN : BrokerStatus.FAILED;
        String reason = problems.isEmpty() ? null : String.join("; ", problems);
        return new BrokerRun(name, version, status, reason, launch, conformance, List.copyOf(sweep), ramp,
                sampler.samples(), notApplicable);
    }
}
