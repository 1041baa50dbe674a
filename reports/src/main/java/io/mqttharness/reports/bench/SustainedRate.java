package io.mqttharness.reports.bench;

import io.mqttharness.reports.bench.BenchResults.RatePoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Which rate steps a broker sustained, and rates that several brokers have in common. A step is sustained when its
 * 99th percentile end-to-end latency is at most {@value #P99_LIMIT_MICROS} µs, it achieved at least
 * {@value #MIN_ACHIEVED_FRACTION} of the offered rate, and (QoS 1 and 2, which promise delivery) lost nothing, in any
 * round of a step run several times; p99 and achieved rate are those of the step's median round.
 */
public final class SustainedRate {
    /** p99 limit of a sustained step: 100 ms. */
    public static final long P99_LIMIT_MICROS = 100_000;
    /** Achieved / offered at least this for a sustained step. */
    public static final double MIN_ACHIEVED_FRACTION = 0.95;
    /** Offered rates of different brokers within this relative distance are the same step. */
    static final double SAME_RATE_TOLERANCE = 0.01;

    private SustainedRate() {
    }

    /** Whether the broker sustained this step. */
    public static boolean sustained(RatePoint p) {
        return p.p99Micros() <= P99_LIMIT_MICROS
                && p.achievedRate() >= MIN_ACHIEVED_FRACTION * p.offeredRate()
                && (p.qos() == 0 || p.lostInAnyRound() == 0);
    }

    /**
     * The step with the highest offered rate of a workload and QoS that was sustained; empty when none was (a
     * failed lower step does not hide a higher sustained one: steps are independent runs).
     */
    public static Optional<RatePoint> maxSustained(Collection<RatePoint> sweep, String workload, int qos) {
        RatePoint best = null;
        for (RatePoint p : sweep) {
            if (p.workload() != null && p.workload().equals(workload) && p.qos() == qos && sustained(p)
                    && (best == null || p.offeredRate() > best.offeredRate())) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The highest offered rate of a workload and QoS that every sweep has a step at; empty when there is no such
     * rate (or no sweep).
     */
    public static OptionalDouble commonRate(List<? extends Collection<RatePoint>> sweeps, String workload, int qos) {
        if (sweeps.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<Double> candidates = new ArrayList<>();
        for (RatePoint p : sweeps.get(0)) {
            if (workload.equals(p.workload()) && p.qos() == qos) {
                candidates.add(p.offeredRate());
            }
        }
        OptionalDouble best = OptionalDouble.empty();
        for (double rate : candidates) {
            boolean everywhere = sweeps.stream().allMatch(s -> at(s, workload, qos, rate).isPresent());
            if (everywhere && (best.isEmpty() || rate > best.getAsDouble())) {
                best = OptionalDouble.of(rate);
            }
        }
        return best;
    }

    /** The step of a workload and QoS at an offered rate (within {@link #SAME_RATE_TOLERANCE}). */
    public static Optional<RatePoint> at(Collection<RatePoint> sweep, String workload, int qos, double offeredRate) {
        return sweep.stream().filter(p -> workload.equals(p.workload()) && p.qos() == qos
                && sameRate(p.offeredRate(), offeredRate)).findFirst();
    }

    static boolean sameRate(double a, double b) {
        return Math.abs(a - b) <= SAME_RATE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }
}
