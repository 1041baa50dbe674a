package io.mqttharness.reports.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one {@code mqtt-harness bench} run measured, for every broker it was asked to run; written as
 * {@code bench-results.json} (Jackson, field names as here) and read by {@code mqtt-harness report} and the
 * regression gate. Paths inside are relative to the directory holding the JSON file.
 *
 * @param schemaVersion format version of this file, currently 1
 * @param toolVersion mqtt-harness version that produced it
 * @param started wall-clock start of the bench run
 * @param quick whether {@code --quick} shortened the sequence
 * @param disclosure machine, JDK and parameters
 * @param brokers one entry per broker asked for, in the order asked, skipped ones included
 */
public record BenchResults(int schemaVersion, String toolVersion, Instant started, boolean quick,
        Disclosure disclosure, List<BrokerRun> brokers) {

    /**
     * Full disclosure of how the numbers were made.
     *
     * @param host host name
     * @param cpu CPU model (from /proc/cpuinfo)
     * @param cores available processors
     * @param memoryBytes total memory (from /proc/meminfo)
     * @param os operating system name, version and architecture
     * @param jdk JDK vendor and version running the harness
     * @param parameters tool parameters (rate steps, durations, sensors, QoS levels, ...)
     */
    public record Disclosure(String host, String cpu, int cores, long memoryBytes, String os, String jdk,
            Map<String, String> parameters) {
    }

    /**
     * One broker's results.
     *
     * @param name the name given to {@code --brokers} (reference, mosquitto, hivemq-ce, moquette, container:IMAGE)
     * @param version broker version as detected, or null
     * @param status what happened
     * @param reason why it was skipped or failed; null when it ran
     * @param launch how it was started (command line or JVM main class) and its configuration text
     * @param conformance certification results, null when not run
     * @param rateSweep one point per offered rate per workload and QoS, ascending rate
     * @param connectionRamp the connection ramp, null when not run
     * @param resources broker process samples from /proc, about one per second, over all runs
     * @param notApplicable workloads not run because the broker lacks an optional feature they need, each as
     *     {@code "fan-in qos0: why"} (e.g. shared subscriptions for MQTT 3.1.1 clients); not a failure
     */
    public record BrokerRun(String name, String version, BrokerStatus status, String reason, String launch,
            Conformance conformance, List<RatePoint> rateSweep, ConnectionRamp connectionRamp,
            List<ResourceSample> resources, List<String> notApplicable) {

        public BrokerRun {
            // absent in files written before the field existed
            notApplicable = notApplicable == null ? List.of() : List.copyOf(notApplicable);
        }

        /** A run with every workload applicable. */
        public BrokerRun(String name, String version, BrokerStatus status, String reason, String launch,
                Conformance conformance, List<RatePoint> rateSweep, ConnectionRamp connectionRamp,
                List<ResourceSample> resources) {
            this(name, version, status, reason, launch, conformance, rateSweep, connectionRamp, resources, List.of());
        }
    }

    /** Outcome of one broker's bench. */
    public enum BrokerStatus {
        /** Started and measured. */
        RAN,
        /** Not run, for the stated reason (not installed, no Docker engine, ...). */
        SKIPPED,
        /** Started but a run could not complete; the reason says why. */
        FAILED
    }

    /**
     * Certification results of one broker.
     *
     * @param reportDirectory directory of its certify reports (index.html with packet traces, summary.json)
     * @param counts verdict counts per MQTT version: version -> (PASSED|FAILED|NOT_APPLICABLE|ERROR -> count)
     * @param statements statement id -> rolled-up verdict (PASSED, FAILED, NOT_APPLICABLE, ERROR, OBSERVATION,
     *     UNCOVERED)
     * @param failedScenarios scenario id -> the scenario report anchor (for linking failures to traces)
     */
    public record Conformance(String reportDirectory, Map<String, Map<String, Integer>> counts,
            Map<String, String> statements, Map<String, String> failedScenarios) {
    }

    /**
     * One step of a rate sweep.
     *
     * @param workload load scenario name (sensor-fleet, fan-in, ...)
     * @param qos QoS of the step
     * @param sensors publishing clients
     * @param offeredRate msg/s offered
     * @param achievedRate msg/s achieved
     * @param published messages published
     * @param received messages received
     * @param lost messages lost
     * @param overruns late publishes (open workload)
     * @param p50Micros median end-to-end latency
     * @param p90Micros 90th percentile
     * @param p99Micros 99th percentile
     * @param p999Micros 99.9th percentile
     * @param maxMicros largest latency
     * @param encodedHistogram compressed base64 HdrHistogram of end-to-end latency (microseconds), for plotting
     * @param summaryFile the step's load-summary.json
     * @param rounds every round of a step run more than once ({@code bench --rounds}), in the order run; the
     *     other fields are those of the round with the median p99 (the lower of the two middle ones for an even
     *     count). Empty for a step run once
     * @param hostStealPercent the share of the host's CPU time that the hypervisor gave to other guests during the
     *     step (the {@code steal} column of /proc/stat, percent of all CPU time), a measure of how noisy the
     *     shared machine was; null when not measured (no /proc/stat, or a file written before the field existed)
     */
    public record RatePoint(String workload, int qos, int sensors, double offeredRate, double achievedRate,
            long published, long received, long lost, long overruns, long p50Micros, long p90Micros,
            long p99Micros, long p999Micros, long maxMicros, String encodedHistogram, String summaryFile,
            List<Round> rounds, Double hostStealPercent) {

        public RatePoint {
            // absent in files written before the field existed
            rounds = rounds == null ? List.of() : List.copyOf(rounds);
        }

        /** A step run once. */
        public RatePoint(String workload, int qos, int sensors, double offeredRate, double achievedRate,
                long published, long received, long lost, long overruns, long p50Micros, long p90Micros,
                long p99Micros, long p999Micros, long maxMicros, String encodedHistogram, String summaryFile) {
            this(workload, qos, sensors, offeredRate, achievedRate, published, received, lost, overruns, p50Micros,
                    p90Micros, p99Micros, p999Micros, maxMicros, encodedHistogram, summaryFile, List.of(), null);
        }

        /** The same step with its rounds. */
        public RatePoint withRounds(List<Round> value) {
            return new RatePoint(workload, qos, sensors, offeredRate, achievedRate, published, received, lost,
                    overruns, p50Micros, p90Micros, p99Micros, p999Micros, maxMicros, encodedHistogram, summaryFile,
                    value, hostStealPercent);
        }

        /** The same step with the host's CPU steal measured during it. */
        public RatePoint withHostSteal(Double percent) {
            return new RatePoint(workload, qos, sensors, offeredRate, achievedRate, published, received, lost,
                    overruns, p50Micros, p90Micros, p99Micros, p999Micros, maxMicros, encodedHistogram, summaryFile,
                    rounds, percent);
        }

        /** Messages lost in any round (the recorded round's {@code lost} for a step run once). */
        public long lostInAnyRound() {
            return rounds.isEmpty() ? lost : rounds.stream().mapToLong(Round::lost).sum();
        }
    }

    /**
     * One round of a rate step run several times.
     *
     * @param round 1-based round number
     * @param achievedRate msg/s achieved
     * @param lost messages lost
     * @param p99Micros 99th percentile end-to-end latency
     * @param summaryFile the round's load-summary.json
     * @param hostStealPercent the host's CPU steal during the round (see {@link RatePoint}), or null
     */
    public record Round(int round, double achievedRate, long lost, long p99Micros, String summaryFile,
            Double hostStealPercent) {

        /** A round without a steal measurement. */
        public Round(int round, double achievedRate, long lost, long p99Micros, String summaryFile) {
            this(round, achievedRate, lost, p99Micros, summaryFile, null);
        }
    }

    /**
     * A connection ramp.
     *
     * @param target connections asked for
     * @param reached most connections open at once
     * @param ratePerSecond connection attempts per second offered
     * @param connackP50Micros median CONNACK latency
     * @param connackP99Micros 99th percentile CONNACK latency
     * @param failures connection attempts that failed
     */
    public record ConnectionRamp(int target, int reached, double ratePerSecond, long connackP50Micros,
            long connackP99Micros, long failures) {
    }

    /**
     * One /proc sample of the broker process.
     *
     * @param elapsedMillis since the broker started
     * @param phase what was running (certify, sensor-fleet qos1 2000/s, connection-ramp, idle)
     * @param cpuPercent CPU use since the previous sample, percent of one core
     * @param rssBytes resident set size
     * @param threads thread count
     * @param openFiles open file descriptors
     */
    public record ResourceSample(long elapsedMillis, String phase, double cpuPercent, long rssBytes, int threads,
            int openFiles) {
    }
}
