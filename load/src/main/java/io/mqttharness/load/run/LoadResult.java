package io.mqttharness.load.run;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one load run measured. Serialised as {@code load-summary.json} (Jackson, field names as here); the
 * bench driver and {@code --assert} read it.
 *
 * @param scenario CLI name of the workload
 * @param target the broker address
 * @param mqttVersion protocol version used
 * @param qos QoS used
 * @param started wall-clock start
 * @param elapsed wall-clock length of the run, ramp and drain included
 * @param offeredRate msg/s the schedule asked for (all sensors)
 * @param achievedRate msg/s acknowledged (QoS 1/2) or written (QoS 0) over the publishing window
 * @param messages published / received / lost / duplicated / out-of-order totals
 * @param overruns scheduled publishes that started late because the sensor was still busy (open workload)
 * @param endToEnd end-to-end latency, microseconds (send time in the payload to arrival at a subscriber)
 * @param requests Gatling request statistics per request name (connect, publish, puback, pubrec, ...)
 * @param connectionsReached most connections open at once (connection-storm; for others: sensors connected)
 * @param injectorCpuSeconds CPU time the load generator's JVM used during the run
 * @param hostStealPercent share of the host's CPU time the hypervisor gave to other guests during the run
 *     ({@link HostCpu}), or null where /proc/stat has no steal column
 * @param gatlingReport directory of Gatling's HTML report, or null when none was written
 * @param histogramFile the end-to-end {@code .hgrm} file, or null
 * @param errors distinct KO messages with their counts
 */
public record LoadResult(String scenario, String target, String mqttVersion, int qos, Instant started,
        Duration elapsed, double offeredRate, double achievedRate, MessageCounts messages, long overruns,
        LatencyMicros endToEnd, Map<String, RequestStats> requests, int connectionsReached,
        double injectorCpuSeconds, Path gatlingReport, Path histogramFile, Map<String, Long> errors,
        Double hostStealPercent) {

    /** A result without a host steal measurement. */
    public LoadResult(String scenario, String target, String mqttVersion, int qos, Instant started,
            Duration elapsed, double offeredRate, double achievedRate, MessageCounts messages, long overruns,
            LatencyMicros endToEnd, Map<String, RequestStats> requests, int connectionsReached,
            double injectorCpuSeconds, Path gatlingReport, Path histogramFile, Map<String, Long> errors) {
        this(scenario, target, mqttVersion, qos, started, elapsed, offeredRate, achievedRate, messages, overruns,
                endToEnd, requests, connectionsReached, injectorCpuSeconds, gatlingReport, histogramFile, errors,
                null);
    }

    /**
     * Message bookkeeping over all sensors.
     *
     * @param published acknowledged (QoS 1/2) or written (QoS 0)
     * @param received distinct messages received by subscribers (each expected copy counts once)
     * @param lost published but never received
     * @param duplicates received again
     * @param outOfOrder received after a higher sequence number of the same sensor
     */
    public record MessageCounts(long published, long received, long lost, long duplicates, long outOfOrder) {
    }

    /**
     * A latency distribution in microseconds.
     *
     * @param count values recorded
     * @param p50 median
     * @param p90 90th percentile
     * @param p99 99th percentile
     * @param p999 99.9th percentile
     * @param p9999 99.99th percentile
     * @param max largest value
     * @param mean arithmetic mean
     * @param percentiles (percentile, micros) points for plotting the distribution, ascending
     * @param encodedHistogram the HdrHistogram, compressed and base64-encoded, so reports can re-plot it
     */
    public record LatencyMicros(long count, long p50, long p90, long p99, long p999, long p9999, long max,
            double mean, List<double[]> percentiles, String encodedHistogram) {
    }

    /**
     * Gatling-style statistics of one request name.
     *
     * @param ok successful responses
     * @param ko failed responses (errors, timeouts)
     * @param p50Millis median response time, ms
     * @param p99Millis 99th percentile response time, ms
     * @param maxMillis largest response time, ms
     */
    public record RequestStats(long ok, long ko, long p50Millis, long p99Millis, long maxMillis) {
    }
}
