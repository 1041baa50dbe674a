package io.mqttharness.bench;

import io.mqttharness.brokers.BrokerLauncher;
import io.mqttharness.brokers.BrokerUnavailableException;
import io.mqttharness.brokers.RunningBroker;
import io.mqttharness.load.run.LoadScenario;
import io.mqttharness.reports.bench.BenchResults.BrokerRun;
import io.mqttharness.reports.bench.BenchResults.BrokerStatus;
import io.mqttharness.reports.bench.BenchResults.Conformance;
import io.mqttharness.reports.bench.BenchResults.ConnectionRamp;
import io.mqttharness.reports.bench.BenchResults.RatePoint;
import io.mqttharness.reports.conformance.ConsoleSummaryWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The bench of one broker: start it, certify it, start a fresh instance (certification may leave a broker damaged,
 * see {@code isolate} in the baselines, and full of sessions), run the rate sweep and the connection ramp, stop it,
 * while a {@link ProcSampler} follows the broker process. Nothing here aborts the bench: an unavailable broker is
 * SKIPPED, a failed step is recorded and the sequence goes on, and the broker is FAILED with every reason.
 */
final class BrokerBench {
    private static final long SAMPLE_PERIOD_MILLIS = 1000;

    private final BenchOptions options;
    private final BenchConsole console;
    private final LoadSteps load;
    private final ConformanceStep certification;
    private final Function<String, BrokerLauncher> launchers;

    BrokerBench(BenchOptions options, BenchConsole console, LoadSteps load, ConformanceStep certification,
            Function<String, BrokerLauncher> launchers) {
        this.options = options;
        this.console = console;
        this.load = load;
        this.certification = certification;
        this.launchers = launchers;
    }

    /** A broker's directory name below the output directory: {@code container:a/b:1} -> {@code container_a_b_1}. */
    static String directoryName(String broker) {
        return broker.replaceAll("[^A-Za-z0-9.-]", "_");
    }

    BrokerRun run(String name) throws InterruptedException {
        BrokerLauncher launcher;
        try {
            launcher = launchers.apply(name);
        } catch (IllegalArgumentException e) {
            return skipped(name, e.getMessage());
        }
        String rel = directoryName(name);
        Path dir = options.out().resolve(rel);
        console.line(name, "starting");
        RunningBroker broker;
        try {
            broker = launcher.start();
        } catch (BrokerUnavailableException e) {
            return skipped(name, e.getMessage());
        } catch (RuntimeException e) {
            String reason = "did not start: " + firstLine(e.getMessage());
            console.line(name, "FAILED: " + reason);
            return new BrokerRun(name, null, BrokerStatus.FAILED, reason, null, null, List.of(), null, List.of());
        }
        console.line(name, "started " + broker.description() + " at " + broker.address() + " (pid " + broker.pid()
                + ")");
        List<String> problems = new ArrayList<>();
        String version = broker.version();
        String launch = broker.launch();
        Conformance conformance = null;
        List<RatePoint> sweep = new ArrayList<>();
        List<String> notApplicable = new ArrayList<>();
        ConnectionRamp ramp = null;
        ProcSampler sampler = new ProcSampler();
        sampler.follow(broker.pid());
        sampler.phase("idle");
        sampler.start(SAMPLE_PERIOD_MILLIS);
        try {
            if (options.certify()) {
                sampler.phase("certify");
                conformance = certify(name, broker, dir, rel, problems);
                keepLog(broker, dir, "broker-certify.log");
                sampler.phase("restart");
                broker.close();
                broker = restart(name, launcher, problems);
            }
            if (broker != null) {
                sampler.follow(broker.pid());
                warmUp(name, broker, dir, sampler);
                sweep(name, broker, dir, rel, sampler, sweep, problems, notApplicable);
                sampler.phase("connection-ramp");
                ramp = ramp(name, broker, dir, problems);
                sampler.phase("idle");
                sampler.sample();
            }
        } catch (RuntimeException e) {
            problems.add("unexpected error: " + e);
            console.line(name, "FAILED: " + e);
        } finally {
            if (broker != null) {
                keepLog(broker, dir, "broker.log");
                broker.close();
            }
            sampler.close();
        }
        BrokerStatus status = problems.isEmpty() ? BrokerStatus.RAN : BrokerStatus.FAILED;
        String reason = problems.isEmpty() ? null : String.join("; ", problems);
        console.line(name, status + (reason == null ? "" : ": " + reason));
        return new BrokerRun(name, version, status, reason, launch, conformance, List.copyOf(sweep), ramp,
                sampler.samples(), notApplicable);
    }

    /** A fresh instance for the load, or null (the problem recorded) when it does not come up. */
    private RunningBroker restart(String name, BrokerLauncher launcher, List<String> problems) {
        try {
            RunningBroker broker = launcher.start();
            console.line(name, "restarted for the load (pid " + broker.pid() + ")");
            return broker;
        } catch (BrokerUnavailableException | RuntimeException e) {
            problems.add("restart after certification failed: " + firstLine(e.getMessage()));
            console.line(name, "restart FAILED: " + firstLine(e.getMessage()));
            return null;
        }
    }

    private Conformance certify(String name, RunningBroker broker, Path dir, String rel, List<String> problems)
            throws InterruptedException {
        console.line(name, "certify: MQTT 3.1.1 and 5" + (options.certifyOnly().isEmpty() ? ", every scenario"
                : ", only " + String.join(",", options.certifyOnly())));
        long start = System.nanoTime();
        try {
            ConformanceStep.Outcome outcome = certification.run(broker, dir.resolve("conformance"),
                    rel + "/conformance");
            StringWriter summary = new StringWriter();
            new ConsoleSummaryWriter().write(outcome.report(), new PrintWriter(summary));
            summary.toString().lines().filter(l -> l.startsWith("MQTT ") || l.startsWith("Baseline"))
                    .forEach(l -> console.line(name, "  " + l));
            console.line(name, String.format(Locale.ROOT, "certify done in %.0f s -> %s",
                    (System.nanoTime() - start) / 1e9, dir.resolve("conformance").resolve("report.html")));
            return outcome.conformance();
        } catch (IOException | RuntimeException e) {
            problems.add("certification: " + firstLine(e.getMessage()));
            console.line(name, "certify FAILED: " + firstLine(e.getMessage()));
            return null;
        }
    }

    /**
     * A failed warm-up is only reported: whatever made it fail fails the sweep's first step too, and is recorded
     * there.
     */
    private void warmUp(String name, RunningBroker broker, Path dir, ProcSampler sampler)
            throws InterruptedException {
        if (options.workloads().isEmpty() || options.rates().isEmpty() || options.qos().isEmpty()) {
            return;
        }
        sampler.phase("warm-up");
        console.line(name, "warm-up: " + load.warmUpDescription());
        try {
            load.warmUp(broker.address(), dir);
        } catch (LoadSteps.StepFailedException e) {
            console.line(name, "warm-up failed (the sweep goes on): " + firstLine(e.getMessage()));
        }
    }

    private void sweep(String name, RunningBroker broker, Path dir, String rel, ProcSampler sampler,
            List<RatePoint> sweep, List<String> problems, List<String> notApplicable) throws InterruptedException {
        for (LoadScenario workload : options.workloads()) {
            for (int qos : options.qos()) {
                for (int rate : options.rates()) {
                    boolean lowest = rate == options.rates().get(0);
                    String label = LoadSteps.label(workload, qos, rate);
                    sampler.phase(label);
                    try {
                        RatePoint p = load.rateStep(broker.address(), workload, qos, rate, dir, rel);
                        sweep.add(p);
                        console.line(name, String.format(Locale.ROOT,
                                "%s: achieved %.0f msg/s, e2e p50 %.2f ms p99 %.2f ms, lost %d", label,
                                p.achievedRate(), p.p50Micros() / 1000.0, p.p99Micros() / 1000.0, p.lost()));
                    } catch (LoadSteps.StepNotApplicableException e) {
                        // the same at every rate: say it once for the workload and QoS
                        String message = firstLine(e.getMessage());
                        String why = message.startsWith(label + ": ") ? message.substring(label.length() + 2)
                                : message;
                        notApplicable.add(workload.cliName() + " qos" + qos + ": " + why);
                        console.line(name, "not applicable: " + workload.cliName() + " qos" + qos + ": " + why);
                        break;
                    } catch (LoadSteps.StepFailedException e) {
                        problems.add(firstLine(e.getMessage()) + (lowest && options.rates().size() > 1
                                ? " (higher rates of " + workload.cliName() + " qos" + qos + " not run)" : ""));
                        console.line(name, "FAILED " + firstLine(e.getMessage()));
                        if (lowest) {
                            // what fails at the lowest rate (a missing feature, a refused connection) fails at all
                            break;
                        }
                    }
                }
            }
        }
    }

    private ConnectionRamp ramp(String name, RunningBroker broker, Path dir, List<String> problems)
            throws InterruptedException {
        try {
            ConnectionRamp r = load.connectionRamp(broker.address(), dir);
            console.line(name, String.format(Locale.ROOT, "connection-ramp: %d of %d connections at %.0f/s, "
                    + "CONNACK p99 %.1f ms, %d failed", r.reached(), r.target(), r.ratePerSecond(),
                    r.connackP99Micros() / 1000.0, r.failures()));
            return r;
        } catch (LoadSteps.StepFailedException e) {
            problems.add(firstLine(e.getMessage()));
            console.line(name, "FAILED " + firstLine(e.getMessage()));
            return null;
        }
    }

    private BrokerRun skipped(String name, String reason) {
        console.line(name, "SKIPPED: " + reason);
        return new BrokerRun(name, null, BrokerStatus.SKIPPED, reason, null, null, List.of(), null, List.of());
    }

    /** Keeps the broker's own log in the results directory (the broker's temp directory goes on close). */
    private static void keepLog(RunningBroker broker, Path dir, String fileName) {
        try {
            if (broker.logFile() != null && Files.isRegularFile(broker.logFile())) {
                Files.createDirectories(dir);
                Files.copy(broker.logFile(), dir.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException ignored) {
            // the log is a triage aid, not a result
        }
    }

    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "(no message)";
        }
        return message.strip().lines().findFirst().orElse("");
    }
}
