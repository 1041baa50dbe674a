package io.mqttharness.bench;

import io.mqttharness.brokers.BrokerLauncher;
import io.mqttharness.brokers.BrokerLaunchers;
import io.mqttharness.brokers.LaunchProfile;
import io.mqttharness.brokers.MosquittoBroker;
import io.mqttharness.load.run.LoadRunner;
import io.mqttharness.load.run.LoadScenario;
import io.mqttharness.reports.bench.BenchResults;
import io.mqttharness.reports.bench.BenchResults.BrokerRun;
import io.mqttharness.reports.bench.BenchResults.BrokerStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code mqtt-harness bench}: every requested broker in turn through the same certification and load sequence
 * ({@link BrokerBench}), {@code bench-results.json} rewritten after each broker so that an interrupted bench keeps
 * what it measured.
 */
public final class BenchRunner {
    /** Format version of bench-results.json written by this class. */
    public static final int SCHEMA_VERSION = 1;

    private final BenchOptions options;
    private final BenchConsole console;
    private final LoadStepRunner loadRunner;
    private final Function<String, BrokerLauncher> launchers;
    private final String toolVersion;

    /** A bench with the real brokers and load runner. */
    public BenchRunner(BenchOptions options, PrintWriter out, String toolVersion) {
        this(options, out, new LoadRunner()::run, defaultLaunchers(options), toolVersion);
    }

    BenchRunner(BenchOptions options, PrintWriter out, LoadStepRunner loadRunner,
            Function<String, BrokerLauncher> launchers, String toolVersion) {
        this.options = options;
        this.console = new BenchConsole(out);
        this.loadRunner = loadRunner;
        this.launchers = launchers;
        this.toolVersion = toolVersion;
    }

    /**
     * The launchers by name, brokers' JVMs all with {@link LaunchProfile#PERFORMANCE}; {@code mosquitto} from
     * {@link BenchOptions#mosquittoBinary()} when given.
     */
    static Function<String, BrokerLauncher> defaultLaunchers(BenchOptions options) {
        return name -> {
            if (name.trim().equals("mosquitto") && options.mosquittoBinary() != null) {
                return new MosquittoBroker(List.of(options.mosquittoBinary().toString()), false);
            }
            return BrokerLaunchers.forName(name, LaunchProfile.PERFORMANCE);
        };
    }

    /** The results file of this bench. */
    public Path resultsFile() {
        return options.out().resolve(BenchResultsWriter.FILE_NAME);
    }

    /**
     * Runs the bench.
     *
     * @throws IOException when bench-results.json cannot be written
     */
    public BenchResults run() throws InterruptedException, IOException {
        Instant started = Instant.now();
        BenchResults.Disclosure disclosure = HostDisclosure.of(parameters());
        console.line(options.brokers().size() + " broker(s): " + String.join(", ", options.brokers()) + " -> "
                + options.out().toAbsolutePath().normalize());
        LoadSteps load = new LoadSteps(options, loadRunner);
        ConformanceStep certification = new ConformanceStep(toolVersion, options.certifyOnly(), options.baselineDir());
        BrokerRun[] runs = new BrokerRun[options.brokers().size()];
        BenchResults results = results(started, disclosure, runs);
        BenchResultsWriter.write(results, resultsFile());
        BrokerBench bench = new BrokerBench(options, console, load, certification, launchers);
        SweepRunner sweep = new SweepRunner(options, console, load);
        if (options.interleave()) {
            results = interleaved(bench, sweep, runs, started, disclosure);
        } else {
            for (int i = 0; i < runs.length; i++) {
                BrokerBench.Prepared prepared = bench.prepare(options.brokers().get(i));
                runs[i] = prepared.slot() == null ? prepared.finished() : measure(bench, sweep, prepared.slot());
                results = results(started, disclosure, runs);
                BenchResultsWriter.write(results, resultsFile());
            }
        }
        console.line(results.brokers().stream().map(r -> r.name() + " " + r.status())
                .collect(Collectors.joining(", ")));
        console.line("results in " + resultsFile().toAbsolutePath().normalize());
        return results;
    }

    /** One broker alone: warm-up, sweep, ramp. */
    private static BrokerRun measure(BrokerBench bench, SweepRunner sweep, BrokerSlot slot)
            throws InterruptedException {
        try {
            bench.warmUp(slot);
            sweep.run(List.of(slot), () -> { });
        } catch (RuntimeException e) {
            slot.problems.add("unexpected error: " + e);
        } catch (InterruptedException e) {
            BrokerBench.abandon(slot);
            throw e;
        }
        return bench.finish(slot);
    }

    /**
     * Every broker prepared (certified, restarted) in turn and left running, then warmed up, then the sweep
     * interleaved over all of them, then each one's connection ramp alone.
     */
    private BenchResults interleaved(BrokerBench bench, SweepRunner sweep, BrokerRun[] runs, Instant started,
            BenchResults.Disclosure disclosure) throws InterruptedException, IOException {
        List<BrokerSlot> slots = new ArrayList<>();
        int[] positions = new int[runs.length];
        try {
            for (int i = 0; i < runs.length; i++) {
                BrokerBench.Prepared prepared = bench.prepare(options.brokers().get(i));
                if (prepared.slot() == null) {
                    runs[i] = prepared.finished();
                } else {
                    positions[slots.size()] = i;
                    slots.add(prepared.slot());
                }
                BenchResultsWriter.write(results(started, disclosure, runs), resultsFile());
            }
            console.line("interleaved sweep over " + slots.size() + " broker(s), " + options.rounds()
                    + " round(s) per step");
            for (BrokerSlot slot : slots) {
                bench.warmUp(slot);
            }
            try {
                // after every step, so that an interrupted bench keeps what it measured
                sweep.run(slots, () -> writeQuietly(results(started, disclosure, withPartial(runs, slots,
                        positions))));
            } catch (RuntimeException e) {
                slots.forEach(s -> s.problems.add("unexpected error: " + e));
            }
            for (int k = 0; k < slots.size(); k++) {
                BrokerSlot slot = slots.get(k);
                slots.set(k, null);
                runs[positions[k]] = bench.finish(slot);
            }
        } finally {
            // an interrupt or error above: nothing left running
            slots.stream().filter(java.util.Objects::nonNull).forEach(BrokerBench::abandon);
        }
        BenchResults results = results(started, disclosure, runs);
        BenchResultsWriter.write(results, resultsFile());
        return results;
    }

    /** The finished runs and, in their places, what the brokers still running have measured so far. */
    private static BrokerRun[] withPartial(BrokerRun[] runs, List<BrokerSlot> slots, int[] positions) {
        BrokerRun[] all = runs.clone();
        for (int k = 0; k < slots.size(); k++) {
            if (slots.get(k) != null) {
                all[positions[k]] = slots.get(k).result();
            }
        }
        return all;
    }

    private void writeQuietly(BenchResults results) {
        try {
            BenchResultsWriter.write(results, resultsFile());
        } catch (IOException e) {
            console.line("cannot write " + resultsFile() + " (the bench goes on): " + e.getMessage());
        }
    }

    /** The results so far: brokers not finished yet are left out. */
    private BenchResults results(Instant started, BenchResults.Disclosure disclosure, BrokerRun[] runs) {
        return new BenchResults(SCHEMA_VERSION, toolVersion, started, options.quick(), disclosure,
                java.util.Arrays.stream(runs).filter(java.util.Objects::nonNull).toList());
    }

    /** 1 when a broker FAILED, else 0 (ran or skipped with a reason). */
    public static int exitCode(BenchResults results) {
        return results.brokers().stream().anyMatch(b -> b.status() == BrokerStatus.FAILED) ? 1 : 0;
    }

    private Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("brokers", String.join(",", options.brokers()));
        p.put("mqtt", options.mqttVersion());
        p.put("workloads", options.workloads().stream().map(LoadScenario::cliName).collect(Collectors.joining(",")));
        p.put("rates", options.rates().stream().map(String::valueOf).collect(Collectors.joining(",")));
        p.put("qos", options.qos().stream().map(String::valueOf).collect(Collectors.joining(",")));
        p.put("sensors", String.valueOf(options.sensors()));
        p.put("subscribers", String.valueOf(options.subscribers()));
        p.put("payloadBytes", String.valueOf(options.payloadSize()));
        p.put("stepSeconds", String.valueOf(options.stepDuration().toSeconds()));
        p.put("rounds", options.rounds() + (options.rounds() > 1 ? " per step on each broker; a step's figures are "
                + "its median round by p99 (the lower middle one for an even count), every round listed" : ""));
        p.put("order", options.interleave() ? "interleaved: every broker up during the load, each round of each step "
                + "run on every broker back to back, the order rotating; connection ramps one broker at a time"
                : "one broker after the other");
        p.put("warmUp", "before each broker's sweep: the first workload at the lowest rate and highest QoS, one step "
                + "long, not recorded");
        p.put("connectRampSeconds", String.valueOf(options.ramp().toSeconds()));
        p.put("rampConnections", String.valueOf(options.rampConnections()));
        p.put("rampRatePerSecond", String.valueOf(options.rampRate()));
        p.put("certify", options.certify() ? (options.certifyOnly().isEmpty() ? "all scenarios, MQTT 3.1.1 and 5"
                : "only " + String.join(",", options.certifyOnly())) : "no");
        if (options.baselineDir() != null) {
            p.put("baselines", options.baselineDir().toString());
        }
        p.put("jvmBrokers", String.join(" ", io.mqttharness.brokers.LaunchProfile.PERFORMANCE.jvmOptions())
                + " (reference, hivemq-ce, moquette each in their own JVM)");
        p.put("sampling", "/proc of the broker process every 1 s");
        return p;
    }
}
