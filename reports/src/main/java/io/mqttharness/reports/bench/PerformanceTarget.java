package io.mqttharness.reports.bench;

import io.mqttharness.reports.bench.BenchResults.BrokerRun;
import io.mqttharness.reports.bench.BenchResults.BrokerStatus;
import io.mqttharness.reports.bench.BenchResults.RatePoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The project's performance target for its reference broker, checked against mosquitto measured in the same bench
 * run: per workload and QoS, (1) the reference's highest sustained rate is at least mosquitto's, and (2) the
 * reference's p99 at 50 % of mosquitto's highest sustained offered rate is no higher than mosquitto's p99 there.
 *
 * @param rows one per workload and QoS: {@link #TARGET_WORKLOADS} first (rows for them are always present, so a
 *     workload the run left out shows as not measured), then any other workload either sweep has
 */
public record PerformanceTarget(List<Row> rows) {
    /** The bench name of the project's own broker. */
    public static final String REFERENCE = "reference";
    /** The bench name of the broker the target is set against. */
    public static final String MOSQUITTO = "mosquitto";
    /** Workloads the target is stated for. */
    public static final List<String> TARGET_WORKLOADS = List.of("sensor-fleet", "fan-in");
    /** QoS levels the target is stated for (QoS 2 steps are not part of it). */
    public static final List<Integer> TARGET_QOS = List.of(0, 1);

    /** Outcome of one check. */
    public enum Verdict {
        /** The reference meets the target. */
        MET,
        /** The reference misses the target. */
        MISSED,
        /** The run does not have what the check needs; the reason says what. */
        NOT_MEASURED
    }

    /**
     * One workload and QoS.
     *
     * @param workload load scenario name
     * @param qos QoS level
     * @param throughput check (1)
     * @param latency check (2)
     */
    public record Row(String workload, int qos, Throughput throughput, Latency latency) {
    }

    /**
     * Highest sustained rates ({@link SustainedRate#maxSustained}, achieved msg/s).
     *
     * @param mosquittoMax mosquitto's, or null when it sustained no step (or has no steps)
     * @param mosquittoCapped mosquitto sustained the highest step of the sweep: its limit lies above
     * @param referenceMax the reference's, or null when it sustained no step (or has no steps)
     * @param referenceCapped the reference sustained the highest step of the sweep: its max is only a lower bound
     * @param ratio referenceMax / mosquittoMax, or null when either is missing
     * @param verdict MET when the reference sustained the same step as mosquitto or a higher one (steps, not the
     *     achieved rates, are compared: at the same step those differ only by the injector's timing noise)
     * @param reason why it is NOT_MEASURED, or why MISSED when the reference sustained nothing; null otherwise
     */
    public record Throughput(Double mosquittoMax, boolean mosquittoCapped, Double referenceMax,
            boolean referenceCapped, Double ratio, Verdict verdict, String reason) {
    }

    /**
     * p99 end-to-end latency of both brokers at one common step.
     *
     * @param mosquittoMaxOffered offered rate of mosquitto's highest sustained step (the 50 % are of this), or null
     * @param rate offered rate of the step compared, or null when there is none
     * @param exactHalf whether that step is at 50 % (within {@link SustainedRate#SAME_RATE_TOLERANCE}); when
     *     false it is the highest step at or below 50 % that both brokers ran
     * @param mosquittoP99 mosquitto's p99 µs there, or null
     * @param referenceP99 the reference's p99 µs there, or null
     * @param ratio referenceP99 / mosquittoP99, or null (not measured, or mosquitto's p99 is 0)
     * @param verdict MET when referenceP99 &le; mosquittoP99
     * @param reason why it is NOT_MEASURED; null otherwise
     * @param mosquittoRoundsP99 mosquitto's p99 µs in each round when the step ran several times ({@code
     *     mosquittoP99} is their median); empty otherwise
     * @param referenceRoundsP99 the same for the reference
     */
    public record Latency(Double mosquittoMaxOffered, Double rate, boolean exactHalf, Long mosquittoP99,
            Long referenceP99, Double ratio, Verdict verdict, String reason, List<Long> mosquittoRoundsP99,
            List<Long> referenceRoundsP99) {

        public Latency {
            mosquittoRoundsP99 = mosquittoRoundsP99 == null ? List.of() : List.copyOf(mosquittoRoundsP99);
            referenceRoundsP99 = referenceRoundsP99 == null ? List.of() : List.copyOf(referenceRoundsP99);
        }

        /** A comparison of steps run once. */
        public Latency(Double mosquittoMaxOffered, Double rate, boolean exactHalf, Long mosquittoP99,
                Long referenceP99, Double ratio, Verdict verdict, String reason) {
            this(mosquittoMaxOffered, rate, exactHalf, mosquittoP99, referenceP99, ratio, verdict, reason, List.of(),
                    List.of());
        }

        /** 50 % of mosquitto's highest sustained offered rate, or null. */
        public Double halfRate() {
            return mosquittoMaxOffered == null ? null : mosquittoMaxOffered / 2;
        }

        static Latency notMeasured(Double mosquittoMaxOffered, String reason) {
            return new Latency(mosquittoMaxOffered, null, false, null, null, null, Verdict.NOT_MEASURED, reason);
        }
    }

    /**
     * The target of one bench run; empty when the run does not have both a {@value #REFERENCE} and a
     * {@value #MOSQUITTO} broker that ran and have a rate sweep (then the report has no target section).
     */
    public static Optional<PerformanceTarget> of(BenchResults results) {
        return results.brokers() == null ? Optional.empty() : of(results.brokers());
    }

    /** As {@link #of(BenchResults)}, from the brokers of one run. */
    public static Optional<PerformanceTarget> of(List<BrokerRun> brokers) {
        Optional<List<RatePoint>> reference = sweepOf(brokers, REFERENCE);
        Optional<List<RatePoint>> mosquitto = sweepOf(brokers, MOSQUITTO);
        if (reference.isEmpty() || mosquitto.isEmpty()) {
            return Optional.empty();
        }
        Set<String> workloads = new LinkedHashSet<>(TARGET_WORKLOADS);
        for (List<RatePoint> sweep : List.of(mosquitto.get(), reference.get())) {
            sweep.stream().map(RatePoint::workload).filter(w -> w != null && !w.isBlank()).forEach(workloads::add);
        }
        List<Row> rows = new ArrayList<>();
        for (String workload : workloads) {
            for (int qos : TARGET_QOS) {
                List<RatePoint> mos = steps(mosquitto.get(), workload, qos);
                List<RatePoint> ref = steps(reference.get(), workload, qos);
                // another workload is only listed for the QoS levels it was run at
                if (TARGET_WORKLOADS.contains(workload) || !mos.isEmpty() || !ref.isEmpty()) {
                    rows.add(row(workload, qos, mos, ref));
                }
            }
        }
        return Optional.of(new PerformanceTarget(List.copyOf(rows)));
    }

    /** How many checks (two per row) have the verdict. */
    public long count(Verdict verdict) {
        return rows.stream().flatMap(r -> Stream.of(r.throughput().verdict(), r.latency().verdict()))
                .filter(v -> v == verdict).count();
    }

    private static Optional<List<RatePoint>> sweepOf(List<BrokerRun> brokers, String name) {
        return brokers.stream().filter(b -> name.equals(b.name())).findFirst()
                .filter(b -> b.status() == BrokerStatus.RAN && b.rateSweep() != null && !b.rateSweep().isEmpty())
                .map(BrokerRun::rateSweep);
    }

    private static List<RatePoint> steps(List<RatePoint> sweep, String workload, int qos) {
        return sweep.stream().filter(p -> workload.equals(p.workload()) && p.qos() == qos).toList();
    }

    private static Row row(String workload, int qos, List<RatePoint> mos, List<RatePoint> ref) {
        String missing = mos.isEmpty() && ref.isEmpty() ? "neither broker ran it"
                : mos.isEmpty() ? MOSQUITTO + " did not run it" : ref.isEmpty() ? REFERENCE + " did not run it" : null;
        if (missing != null) {
            return new Row(workload, qos, new Throughput(null, false, null, false, null, Verdict.NOT_MEASURED, missing),
                    Latency.notMeasured(null, missing));
        }
        Optional<RatePoint> mosMax = SustainedRate.maxSustained(mos, workload, qos);
        Optional<RatePoint> refMax = SustainedRate.maxSustained(ref, workload, qos);
        if (mosMax.isEmpty()) {
            String reason = MOSQUITTO + " sustained no step";
            return new Row(workload, qos, new Throughput(null, false, refMax.map(RatePoint::achievedRate).orElse(null),
                    capped(ref, refMax), null, Verdict.NOT_MEASURED, reason), Latency.notMeasured(null, reason));
        }
        return new Row(workload, qos, throughput(mos, mosMax.get(), ref, refMax), latency(mos, mosMax.get(), ref));
    }

    private static Throughput throughput(List<RatePoint> mos, RatePoint mosMax, List<RatePoint> ref,
            Optional<RatePoint> refMax) {
        double m = mosMax.achievedRate();
        boolean mosCapped = capped(mos, Optional.of(mosMax));
        if (refMax.isEmpty()) {
            return new Throughput(m, mosCapped, null, false, null, Verdict.MISSED, REFERENCE + " sustained no step");
        }
        double r = refMax.get().achievedRate();
        return new Throughput(m, mosCapped, r, capped(ref, refMax), m > 0 ? r / m : null,
                atLeastSameStep(refMax.get(), mosMax) ? Verdict.MET : Verdict.MISSED, null);
    }

    private static boolean atLeastSameStep(RatePoint reference, RatePoint mosquitto) {
        return reference.offeredRate() >= mosquitto.offeredRate()
                || SustainedRate.sameRate(reference.offeredRate(), mosquitto.offeredRate());
    }

    private static Latency latency(List<RatePoint> mos, RatePoint mosMax, List<RatePoint> ref) {
        String workload = mosMax.workload();
        int qos = mosMax.qos();
        double maxOffered = mosMax.offeredRate();
        double half = maxOffered / 2;
        Optional<RatePoint> mosAt = SustainedRate.at(mos, workload, qos, half);
        Optional<RatePoint> refAt = SustainedRate.at(ref, workload, qos, half);
        boolean exact = mosAt.isPresent() && refAt.isPresent();
        if (!exact) {
            // the highest step at or below 50 % that both brokers ran
            mosAt = mos.stream().filter(p -> p.offeredRate() <= half || SustainedRate.sameRate(p.offeredRate(), half))
                    .filter(p -> SustainedRate.at(ref, workload, qos, p.offeredRate()).isPresent())
                    .max(Comparator.comparingDouble(RatePoint::offeredRate));
            if (mosAt.isEmpty()) {
                return Latency.notMeasured(maxOffered, "no step at or below 50 %");
            }
            refAt = SustainedRate.at(ref, workload, qos, mosAt.get().offeredRate());
        }
        long m = mosAt.get().p99Micros();
        long r = refAt.orElseThrow().p99Micros();
        return new Latency(maxOffered, mosAt.get().offeredRate(), exact, m, r, m > 0 ? (double) r / m : null,
                r <= m ? Verdict.MET : Verdict.MISSED, null, roundsP99(mosAt.get()), roundsP99(refAt.get()));
    }

    private static List<Long> roundsP99(RatePoint p) {
        return p.rounds().stream().map(BenchResults.Round::p99Micros).toList();
    }

    /**
     * Whether the broker's highest sustained step is the highest step of the sweep: the sweep did not find its
     * limit, so the rate is a lower bound (this covers "sustained every step" and also a failed lower step, since
     * steps are independent runs).
     */
    private static boolean capped(List<RatePoint> steps, Optional<RatePoint> max) {
        if (max.isEmpty()) {
            return false;
        }
        double top = steps.stream().mapToDouble(RatePoint::offeredRate).max().orElse(0);
        return max.get().offeredRate() >= top || SustainedRate.sameRate(max.get().offeredRate(), top);
    }
}
