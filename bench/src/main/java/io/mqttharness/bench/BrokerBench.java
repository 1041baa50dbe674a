package io.mqttharness.bench;

import io.mqttharness.brokers.BrokerLauncher;
import io.mqttharness.brokers.BrokerUnavailableException;
import io.mqttharness.brokers.RunningBroker;
import io.mqttharness.reports.bench.BenchResults.BrokerRun;
import io.mqttharness.reports.bench.BenchResults.BrokerStatus;
import io.mqttharness.reports.bench.BenchResults.Conformance;
import io.mqttharness.reports.bench.BenchResults.ConnectionRamp;
import io.mqttharness.reports.conformance.ConsoleSummaryWriter;
import io.mqttharness.spec.ScenarioResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The bench of one broker around its rate sweep ({@link SweepRunner}): start it, certify it, start a fresh instance
 * (certification may leave a broker damaged, see {@code isolate} in the baselines, and full of sessions), warm it
 * up; after the sweep, the connection ramp, and stop it; a {@link ProcSampler} follows the broker process throughout.
 * Nothing here aborts the bench: an unavailable broker is SKIPPED, a failed step is recorded and the sequence goes
 * on, and the broker is FAILED with every reason.
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

    /**
     * A started broker, certified when asked and restarted for the load, its sampler running; or, when it could
     * not be started, the finished run ({@code slot} null: SKIPPED or FAILED with the reason).
     */
    record Prepared(BrokerSlot slot, BrokerRun finished) {
    }

    Prepared prepare(String name) throws InterruptedException {
        BrokerLauncher launcher;
        try {
            launcher = launchers.apply(name);
        } catch (IllegalArgumentException e) {
            return new Prepared(null, skipped(name, e.getMessage()));
        }
        String rel = directoryName(name);
        console.line(name, "starting");
        RunningBroker broker;
        try {
            broker = launcher.start();
        } catch (BrokerUnavailableException e) {
            return new Prepared(null, skipped(name, e.getMessage()));
        } catch (RuntimeException e) {
            String reason = "did not start: " + firstLine(e.getMessage());
            console.line(name, "FAILED: " + reason);
            return new Prepared(null, new BrokerRun(name, null, BrokerStatus.FAILED, reason, null, null, List.of(),
                    null, List.of()));
        }
        console.line(name, "started " + broker.description() + " at " + broker.address() + " (pid " + broker.pid()
                + ")");
        BrokerSlot slot = new BrokerSlot(name, rel, options.out().resolve(rel));
        slot.version = broker.version();
        slot.launch = broker.launch();
        slot.broker = broker;
        slot.sampler.follow(broker.pid());
        slot.sampler.phase("idle");
        slot.sampler.start(SAMPLE_PERIOD_MILLIS);
        try {
            if (options.certify()) {
                slot.sampler.phase("certify");
                slot.conformance = certify(name, broker, launcher, slot.dir, rel, slot.problems);
                BrokerLogs.keep(broker, slot.dir, "broker-certify.log");
                slot.sampler.phase("restart");
                slot.broker = null;
                broker.close();
                slot.broker = restart(name, launcher, slot.problems);
                if (slot.broker != null) {
                    slot.sampler.follow(slot.broker.pid());
                }
                slot.sampler.phase("idle");
            }
        } catch (RuntimeException e) {
            unexpected(slot, e);
        } catch (InterruptedException e) {
            abandon(slot);
            throw e;
        }
        return new Prepared(slot, null);
    }

    /** The connection ramp, then the broker stopped and its results made. */
    BrokerRun finish(BrokerSlot slot) throws InterruptedException {
        try {
            if (slot.broker != null) {
                slot.sampler.phase("connection-ramp");
                slot.ramp = ramp(slot.name, slot.broker, slot.dir, slot.problems);
                slot.sampler.phase("idle");
                slot.sampler.sample();
            }
        } catch (RuntimeException e) {
            unexpected(slot, e);
        } finally {
            if (slot.broker != null) {
                BrokerLogs.keep(slot.broker, slot.dir, "broker.log");
                slot.broker.close();
            }
            slot.sampler.close();
        }
        BrokerRun run = slot.result();
        console.line(slot.name, run.status() + (run.reason() == null ? "" : ": " + run.reason()));
        return run;
    }

    /** Stops a prepared broker whose bench was cut short (an unexpected error elsewhere): nothing left running. */
    static void abandon(BrokerSlot slot) {
        if (slot.broker != null) {
            slot.broker.close();
        }
        slot.sampler.close();
    }

    private void unexpected(BrokerSlot slot, RuntimeException e) {
        slot.problems.add("unexpected error: " + e);
        console.line(slot.name, "FAILED: " + e);
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

    private Conformance certify(String name, RunningBroker broker, BrokerLauncher launcher, Path dir, String rel,
            List<String> problems) throws InterruptedException {
        console.line(name, "certify: MQTT 3.1.1 and 5" + (options.certifyOnly().isEmpty() ? ", every scenario"
                : ", only " + String.join(",", options.certifyOnly())));
        long start = System.nanoTime();
        try {
            ConformanceStep.Outcome outcome = certification.run(broker, launcher, dir.resolve("conformance"),
                    rel + "/conformance");
            for (ScenarioResult r : outcome.intermittent()) {
                console.line(name, "  INTERMITTENT " + r.displayName() + ": passed when re-run alone on a fresh"
                        + " instance; the first run said: " + firstLine(r.message()));
            }
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
    void warmUp(BrokerSlot slot) throws InterruptedException {
        if (slot.broker == null || options.workloads().isEmpty() || options.rates().isEmpty()
                || options.qos().isEmpty()) {
            return;
        }
        slot.sampler.phase("warm-up");
        console.line(slot.name, "warm-up: " + load.warmUpDescription());
        try {
            load.warmUp(slot.broker.address(), slot.dir);
        } catch (LoadSteps.StepFailedException e) {
            console.line(slot.name, "warm-up failed (the sweep goes on): " + firstLine(e.getMessage()));
        } finally {
            slot.sampler.phase("idle");
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
    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "(no message)";
        }
        return message.strip().lines().findFirst().orElse("");
    }
}
