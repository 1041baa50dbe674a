package io.mqttharness.bench;

import io.mqttharness.load.run.LoadException;
import io.mqttharness.load.run.LoadProgressListener;
import io.mqttharness.load.run.LoadRequest;
import io.mqttharness.load.run.LoadResult;
import io.mqttharness.load.run.LoadScenario;
import io.mqttharness.reports.bench.BenchResults.ConnectionRamp;
import io.mqttharness.reports.bench.BenchResults.RatePoint;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The load sequence's single steps: one rate step of a workload, or the connection ramp, each run (by
 * {@link io.mqttharness.load.run.LoadRunner}) into its own report directory and turned into the results model.
 * A step that cannot run throws {@link StepFailedException} with a reason for the user; the caller records it and
 * goes on with the next step.
 */
final class LoadSteps {
    /** The load-summary.json LoadRunner writes into each step's report directory. */
    static final String SUMMARY_FILE = "load-summary.json";

    private final BenchOptions options;
    private final LoadStepRunner runner;

    LoadSteps(BenchOptions options, LoadStepRunner runner) {
        this.options = options;
        this.runner = runner;
    }

    /** A step that could not run or complete. */
    static class StepFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        StepFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A step whose workload needs an optional feature the broker does not offer: recorded, not a failure. */
    static final class StepNotApplicableException extends StepFailedException {
        private static final long serialVersionUID = 1L;

        StepNotApplicableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final String WARM_UP_DIR = "load/warm-up";

    /** {@code sensor-fleet qos1 2000/s}: the step's phase label and console name. */
    static String label(LoadScenario workload, int qos, int rate) {
        return workload.cliName() + " qos" + qos + " " + rate + "/s";
    }

    /** The step's directory below the broker's directory. */
    static String directory(LoadScenario workload, int qos, int rate) {
        return "load/" + workload.cliName() + "-qos" + qos + "-" + rate;
    }

    /** The directory of one round of a step: the step's own when steps run once, else with {@code -rN}. */
    String directory(LoadScenario workload, int qos, int rate, int round) {
        return directory(workload, qos, rate) + (options.rounds() > 1 ? "-r" + round : "");
    }

    /**
     * Runs one rate step (one round of it).
     *
     * @param round 1-based round, for the directory when steps run more than once
     * @param brokerDir the broker's directory; {@code relativeBrokerDir} is how the results refer to it
     */
    RatePoint rateStep(URI target, LoadScenario workload, int qos, int rate, int round, Path brokerDir,
            String relativeBrokerDir) throws StepFailedException, InterruptedException {
        String dir = directory(workload, qos, rate, round);
        LoadRequest request = new LoadRequest(workload, target, options.mqttVersion(), options.sensors(),
                rate / (double) options.sensors(), qos, options.stepDuration(), options.ramp(),
                options.subscribers(), options.payloadSize(), null, null, false, brokerDir.resolve(dir), Map.of());
        LoadResult r = run(request, label(workload, qos, rate));
        LoadResult.LatencyMicros e2e = r.endToEnd();
        return new RatePoint(workload.cliName(), qos, options.sensors(), rate, r.achievedRate(),
                r.messages().published(), r.messages().received(), r.messages().lost(), r.overruns(),
                e2e == null ? 0 : e2e.p50(), e2e == null ? 0 : e2e.p90(), e2e == null ? 0 : e2e.p99(),
                e2e == null ? 0 : e2e.p999(), e2e == null ? 0 : e2e.max(), e2e == null ? null : e2e.encodedHistogram(),
                relativeBrokerDir + "/" + dir + "/" + SUMMARY_FILE).withHostSteal(r.hostStealPercent());
    }

    /**
     * The warm-up before a broker's sweep: the first workload at the lowest rate and highest QoS of the sweep, for
     * one step duration, into {@code load/warm-up}. Not recorded: it lets the JVM brokers compile their hot paths
     * (and every broker fill its caches) before anything is measured, so that the first recorded step measures the
     * broker and not its JIT compiler.
     */
    void warmUp(URI target, Path brokerDir) throws StepFailedException, InterruptedException {
        LoadScenario workload = options.workloads().get(0);
        int qos = options.qos().stream().mapToInt(Integer::intValue).max().orElse(0);
        int rate = options.rates().stream().mapToInt(Integer::intValue).min().orElse(1);
        LoadRequest request = new LoadRequest(workload, target, options.mqttVersion(), options.sensors(),
                rate / (double) options.sensors(), qos, options.stepDuration(), options.ramp(),
                options.subscribers(), options.payloadSize(), null, null, false, brokerDir.resolve(WARM_UP_DIR),
                Map.of());
        run(request, "warm-up " + label(workload, qos, rate));
    }

    /** What {@link #warmUp} runs, for the console and the disclosure. */
    String warmUpDescription() {
        LoadScenario workload = options.workloads().get(0);
        int qos = options.qos().stream().mapToInt(Integer::intValue).max().orElse(0);
        int rate = options.rates().stream().mapToInt(Integer::intValue).min().orElse(1);
        return label(workload, qos, rate) + " for " + options.stepDuration().toSeconds() + " s, not recorded";
    }

    /** Opens {@code rampConnections} connections at {@code rampRate} per second and holds them briefly. */
    ConnectionRamp connectionRamp(URI target, Path brokerDir) throws StepFailedException, InterruptedException {
        LoadRequest request = new LoadRequest(LoadScenario.CONNECTION_STORM, target, options.mqttVersion(),
                options.rampConnections(), rampRate(), 0, options.rampHold(), java.time.Duration.ZERO, 0,
                options.payloadSize(), null, null, false, brokerDir.resolve("load/connection-ramp"), Map.of());
        LoadResult r = run(request, "connection-ramp");
        LoadResult.RequestStats connect = connectStats(r.requests());
        return new ConnectionRamp(options.rampConnections(), r.connectionsReached(), rampRate(),
                connect == null ? 0 : connect.p50Millis() * 1000, connect == null ? 0 : connect.p99Millis() * 1000,
                connect == null ? options.rampConnections() - r.connectionsReached() : connect.ko());
    }

    /** The ramp's rate, so that it lasts at least a second: Gatling injects nothing over a shorter ramp. */
    double rampRate() {
        return Math.min(options.rampRate(), options.rampConnections());
    }

    private LoadResult run(LoadRequest request, String what) throws StepFailedException, InterruptedException {
        try {
            LoadResult result = runner.run(request, LoadProgressListener.NONE);
            if (result == null) {
                throw new StepFailedException(what + ": the load runner returned no result", null);
            }
            return result;
        } catch (LoadException e) {
            if (e.isNotApplicable()) {
                throw new StepNotApplicableException(what + ": " + e.getMessage(), e);
            }
            throw new StepFailedException(what + ": " + e.getMessage(), e);
        } catch (RuntimeException | AssertionError | LinkageError e) {
            // Gatling reports some failed runs with Scala assertions (AssertionError): a failed step, not a crash
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException(what + " interrupted");
            }
            throw new StepFailedException(what + ": " + e, e);
        }
    }

    /** The CONNACK statistics: the request named {@code connect}, or else the first whose name mentions it. */
    private static LoadResult.RequestStats connectStats(Map<String, LoadResult.RequestStats> requests) {
        if (requests == null) {
            return null;
        }
        LoadResult.RequestStats exact = requests.get("connect");
        if (exact != null) {
            return exact;
        }
        return requests.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).contains("connect"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
