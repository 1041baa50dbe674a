package io.mqttharness.load.e2e;

/**
 * Totals of an {@link E2eLatencyTracker} at one moment.
 *
 * @param sensors sensors seen (publishing or received)
 * @param published messages acknowledged to publishers (QoS 1/2) or written (QoS 0)
 * @param received distinct messages received, summed over subscribers (each expected copy counts once)
 * @param duplicates messages a subscriber received again (same sensor and sequence)
 * @param outOfOrder messages a subscriber received after a higher sequence number of the same sensor
 * @param lost published messages an expecting subscriber never received, summed over subscribers
 * @param p50Micros median end-to-end latency, microseconds
 * @param p99Micros 99th percentile end-to-end latency, microseconds
 * @param maxMicros largest end-to-end latency, microseconds
 * @param subscribers subscribers seen (a shared-subscription group counts as one)
 * @param overruns scheduled publishes that started late or not at all (open workload)
 */
public record E2eSummary(int sensors, long published, long received, long duplicates, long outOfOrder, long lost,
        long p50Micros, long p99Micros, long maxMicros, int subscribers, long overruns) {
}
