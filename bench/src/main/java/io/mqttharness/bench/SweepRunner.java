package io.mqttharness.bench;

import io.mqttharness.load.run.LoadScenario;
import io.mqttharness.reports.bench.BenchResults.RatePoint;
import io.mqttharness.reports.bench.BenchResults.Round;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rate sweep over one or more started brokers: for each workload, QoS and rate, each round of the step runs on
 * every broker back to back, the brokers' order rotating from one round to the next so that none is always first.
 * With one broker this is the plain sequential sweep; with all of them it is the interleaved bench, where drift of a
 * shared host (another tenant, a CPU frequency change) lands on every broker's rounds alike instead of on whichever
 * broker happened to run then. A step run several times is recorded as its median round (by p99), every round
 * listed.
 */
final class SweepRunner {
    private final BenchOptions options;
    private final BenchConsole console;
    private final LoadSteps load;

    SweepRunner(BenchOptions options, BenchConsole console, LoadSteps load) {
        this.options = options;
        this.console = console;
        this.load = load;
    }

    /** Runs the sweep; {@code afterStep} runs once every round of a step has run on every broker. */
    void run(List<BrokerSlot> slots, Runnable afterStep) throws InterruptedException {
        int turn = 0;
        for (LoadScenario workload : options.workloads()) {
            for (int qos : options.qos()) {
                for (int rate : options.rates()) {
                    Map<BrokerSlot, List<RatePoint>> rounds = new IdentityHashMap<>();
                    for (int round = 1; round <= options.rounds(); round++) {
                        for (BrokerSlot slot : rotated(slots, turn++)) {
                            if (slot.runs(workload, qos)) {
                                RatePoint p = step(slot, workload, qos, rate, round);
                                if (p != null) {
                                    rounds.computeIfAbsent(slot, s -> new ArrayList<>()).add(p);
                                }
                            }
                        }
                    }
                    for (BrokerSlot slot : slots) {
                        List<RatePoint> points = rounds.get(slot);
                        if (points != null) {
                            slot.sweep.add(median(points));
                        }
                    }
                    afterStep.run();
                }
            }
        }
    }

    /** The slots starting at {@code turn} modulo their count. */
    static List<BrokerSlot> rotated(List<BrokerSlot> slots, int turn) {
        List<BrokerSlot> order = new ArrayList<>(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            order.add(slots.get((turn + i) % slots.size()));
        }
        return order;
    }

    /**
     * The round with the median p99 (the lower of the two middle ones for an even count), carrying every round in
     * the order run; a single round as it is. Its own figures (histogram, achieved rate) stay together, which an
     * average of rounds would not.
     */
    static RatePoint median(List<RatePoint> points) {
        if (points.size() == 1) {
            return points.get(0);
        }
        List<RatePoint> byP99 = new ArrayList<>(points);
        byP99.sort(Comparator.comparingLong(RatePoint::p99Micros));
        RatePoint middle = byP99.get((byP99.size() - 1) / 2);
        List<Round> rounds = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            RatePoint p = points.get(i);
            rounds.add(new Round(i + 1, p.achievedRate(), p.lost(), p.p99Micros(), p.summaryFile(),
                    p.hostStealPercent()));
        }
        return middle.withRounds(rounds);
    }

    /** One round of a step on one broker; null when it did not run (recorded on the slot). */
    private RatePoint step(BrokerSlot slot, LoadScenario workload, int qos, int rate, int round)
            throws InterruptedException {
        boolean lowest = rate == options.rates().get(0);
        String label = LoadSteps.label(workload, qos, rate);
        String roundLabel = options.rounds() > 1 ? label + " round " + round : label;
        slot.sampler.phase(label);
        try {
            RatePoint p = load.rateStep(slot.broker.address(), workload, qos, rate, round, slot.dir,
                    slot.relativeDir);
            console.line(slot.name, String.format(Locale.ROOT,
                    "%s: achieved %.0f msg/s, e2e p50 %.2f ms p99 %.2f ms, lost %d%s", roundLabel, p.achievedRate(),
                    p.p50Micros() / 1000.0, p.p99Micros() / 1000.0, p.lost(), p.hostStealPercent() == null ? ""
                            : String.format(Locale.ROOT, ", host CPU steal %.1f %%", p.hostStealPercent())));
            return p;
        } catch (LoadSteps.StepNotApplicableException e) {
            // the same at every rate: say it once for the workload and QoS
            String message = BrokerBench.firstLine(e.getMessage());
            String why = message.startsWith(label + ": ") ? message.substring(label.length() + 2) : message;
            slot.notApplicable.add(workload.cliName() + " qos" + qos + ": " + why);
            console.line(slot.name, "not applicable: " + workload.cliName() + " qos" + qos + ": " + why);
            slot.stop(workload, qos);
            return null;
        } catch (LoadSteps.StepFailedException e) {
            String message = BrokerBench.firstLine(e.getMessage());
            slot.problems.add((options.rounds() > 1 ? message.replaceFirst("^" + java.util.regex.Pattern.quote(
                    label), roundLabel) : message) + (lowest && options.rates().size() > 1
                    ? " (higher rates of " + workload.cliName() + " qos" + qos + " not run)" : ""));
            console.line(slot.name, "FAILED " + message);
            if (lowest) {
                // what fails at the lowest rate (a missing feature, a refused connection) fails at all
                slot.stop(workload, qos);
            }
            return null;
        } finally {
            slot.sampler.phase(options.interleave() ? "idle" : label);
        }
    }
}
