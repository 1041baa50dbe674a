package io.mqttharness.reports.bench;

import io.mqttharness.reports.bench.BenchResults.BrokerStatus;
import io.mqttharness.reports.bench.BrokerConformance.ConformanceTotals;
import java.util.List;
import java.util.Map;

/**
 * The headline table: per broker its conformance totals, the highest sustained rate per QoS, p99 at a rate all
 * brokers ran, and peak memory. Rates are those of one workload, the first of the sweeps.
 *
 * @param workload the workload the rate columns are about, or null when no broker has a rate sweep
 * @param qosLevels the QoS levels of that workload, ascending (the rate columns)
 * @param commonRates QoS -> highest offered rate every broker that ran has a step at (absent when none)
 * @param rows one per broker, skipped and failed ones included, in report order
 */
public record Headline(String workload, List<Integer> qosLevels, Map<Integer, Double> commonRates, List<Row> rows) {

    /**
     * One broker.
     *
     * @param broker name as shown in the report
     * @param version detected version, or null
     * @param status what happened
     * @param reason why it did not run or failed, or null
     * @param conformance conformance totals, null when not certified
     * @param maxSustained QoS -> achieved msg/s of the highest sustained step (absent: none sustained)
     * @param p99AtCommonRate QoS -> p99 in µs at {@link Headline#commonRates()} (absent: no such step)
     * @param peakRssBytes largest resident set size sampled, or null
     * @param connectionsReached connections reached in the connection ramp, or null
     */
    public record Row(String broker, String version, BrokerStatus status, String reason,
            ConformanceTotals conformance, Map<Integer, Double> maxSustained, Map<Integer, Long> p99AtCommonRate,
            Long peakRssBytes, Integer connectionsReached) {
    }
}
