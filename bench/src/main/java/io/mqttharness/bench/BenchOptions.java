package io.mqttharness.bench;

import io.mqttharness.load.run.LoadScenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one bench run does: which brokers, and the certification and load sequence run on each.
 *
 * @param brokers broker names in order ({@code reference}, {@code mosquitto}, {@code hivemq-ce}, {@code moquette},
 *     {@code container:IMAGE})
 * @param quick whether the short sequence was asked for (recorded in the results)
 * @param out directory for {@code bench-results.json} and the per-broker reports
 * @param mqttVersion protocol version of the load ({@code 3.1.1} or {@code 5}); certification runs both
 * @param sensors publishing clients of each rate step
 * @param rates offered total message rates of the sweep, msg/s, ascending
 * @param qos QoS levels of the sweep
 * @param workloads the sweep's workloads (sensor-fleet and fan-in)
 * @param stepDuration publishing time of one rate step
 * @param ramp time over which a step's sensors connect
 * @param subscribers dashboards (sensor-fleet) or shared-subscription members (fan-in) per step
 * @param payloadSize bytes per message
 * @param rampConnections connections the connection ramp opens
 * @param rampRate connections per second of the ramp
 * @param rampHold how long the ramp's connections stay open after the last one
 * @param certify whether to certify each broker
 * @param certifyOnly scenario patterns for the certification (empty: the full suite)
 * @param mosquittoBinary a mosquitto binary to use instead of searching the usual places, or null
 * @param baselineDir directory of broker baselines ({@code <broker>.yaml}): a broker's certification is compared
 *     with its baseline and runs the scenarios it isolates last; null for none
 * @param rounds how many times each rate step runs on each broker; the step's recorded figures are those of the
 *     round with the median p99 (1: one run, as recorded)
 * @param interleave whether all brokers stay up during the load and each step runs on every broker back to back
 *     (rounds included), so that drift of a shared host hits every broker alike; otherwise brokers run one after
 *     the other
 */
public record BenchOptions(List<String> brokers, boolean quick, Path out, String mqttVersion, int sensors,
        List<Integer> rates, List<Integer> qos, List<LoadScenario> workloads, Duration stepDuration, Duration ramp,
        int subscribers, int payloadSize, int rampConnections, double rampRate, Duration rampHold, boolean certify,
        List<String> certifyOnly, Path mosquittoBinary, Path baselineDir, int rounds, boolean interleave) {

    /** The brokers {@code --brokers} defaults to. */
    public static final List<String> DEFAULT_BROKERS = List.of("reference", "mosquitto", "hivemq-ce", "moquette");

    public BenchOptions {
        brokers = List.copyOf(brokers);
        rates = rates.stream().sorted().toList();
        qos = List.copyOf(qos);
        workloads = List.copyOf(workloads);
        certifyOnly = List.copyOf(certifyOnly);
        Objects.requireNonNull(out, "out");
        if (brokers.isEmpty()) {
            throw new IllegalArgumentException("no broker to bench");
        }
        if (!mqttVersion.equals("3.1.1") && !mqttVersion.equals("5")) {
            throw new IllegalArgumentException("MQTT version must be 3.1.1 or 5, got " + mqttVersion);
        }
        if (sensors < 1) {
            throw new IllegalArgumentException("sensors must be at least 1, got " + sensors);
        }
        if (rates.isEmpty() || rates.get(0) < 1) {
            throw new IllegalArgumentException("rates must be positive msg/s, got " + rates);
        }
        if (qos.isEmpty() || qos.stream().anyMatch(q -> q < 0 || q > 2)) {
            throw new IllegalArgumentException("QoS levels must be 0, 1 or 2, got " + qos);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        if (rampConnections < 1) {
            throw new IllegalArgumentException("ramp connections must be at least 1, got " + rampConnections);
        }
    }

    /**
     * The defaults: the full sequence (4 rates of 30 s from 1000 to 8000 msg/s, QoS 0 and 1, 100 sensors, a ramp to
     * 2000 connections) or, {@code quick}, a short one (3 rates of 5 s, 20 sensors, a ramp to 200 connections).
     */
    public static BenchOptions defaults(boolean quick, Path out) {
        return quick
                ? new BenchOptions(DEFAULT_BROKERS, true, out, "3.1.1", 20, List.of(500, 1000, 2000), List.of(0, 1),
                        List.of(LoadScenario.SENSOR_FLEET, LoadScenario.FAN_IN), Duration.ofSeconds(5),
                        Duration.ofSeconds(1), 2, 64, 200, 100, Duration.ofSeconds(2), true, List.of(), null, null, 1,
                        false)
                : new BenchOptions(DEFAULT_BROKERS, false, out, "3.1.1", 100, List.of(1000, 2000, 4000, 8000),
                        List.of(0, 1), List.of(LoadScenario.SENSOR_FLEET, LoadScenario.FAN_IN),
                        Duration.ofSeconds(30), Duration.ofSeconds(5), 4, 64, 2000, 200, Duration.ofSeconds(5), true,
                        List.of(), null, null, 1, false);
    }

    /** A copy with other brokers. */
    public BenchOptions withBrokers(List<String> value) {
        return new BenchOptions(value, quick, out, mqttVersion, sensors, rates, qos, workloads, stepDuration, ramp,
                subscribers, payloadSize, rampConnections, rampRate, rampHold, certify, certifyOnly, mosquittoBinary,
                baselineDir, rounds, interleave);
    }

    /** A copy with another load sequence. */
    public BenchOptions withLoad(String version, int sensorCount, List<Integer> rateSteps, List<Integer> qosLevels,
            int connections) {
        return new BenchOptions(brokers, quick, out, version, sensorCount, rateSteps, qosLevels, workloads,
                stepDuration, ramp, subscribers, payloadSize, connections, rampRate, rampHold, certify, certifyOnly,
                mosquittoBinary, baselineDir, rounds, interleave);
    }

    /** A copy with another step length and connect ramp. */
    public BenchOptions withStepDuration(Duration step, Duration connectRamp) {
        return new BenchOptions(brokers, quick, out, mqttVersion, sensors, rates, qos, workloads, step, connectRamp,
                subscribers, payloadSize, rampConnections, rampRate, rampHold, certify, certifyOnly, mosquittoBinary,
                baselineDir, rounds, interleave);
    }

    /** A copy with another certification selection ({@code enabled} false: no certification). */
    public BenchOptions withCertification(boolean enabled, List<String> only) {
        return new BenchOptions(brokers, quick, out, mqttVersion, sensors, rates, qos, workloads, stepDuration, ramp,
                subscribers, payloadSize, rampConnections, rampRate, rampHold, enabled, only, mosquittoBinary,
                baselineDir, rounds, interleave);
    }

    /** A copy with other sweep workloads. */
    public BenchOptions withWorkloads(List<LoadScenario> value) {
        return new BenchOptions(brokers, quick, out, mqttVersion, sensors, rates, qos, value, stepDuration, ramp,
                subscribers, payloadSize, rampConnections, rampRate, rampHold, certify, certifyOnly, mosquittoBinary,
                baselineDir, rounds, interleave);
    }

    /** A copy that compares each broker's certification with {@code dir/<broker>.yaml} when that exists. */
    public BenchOptions withBaselineDir(Path dir) {
        return new BenchOptions(brokers, quick, out, mqttVersion, sensors, rates, qos, workloads, stepDuration, ramp,
                subscribers, payloadSize, rampConnections, rampRate, rampHold, certify, certifyOnly, mosquittoBinary,
                dir, rounds, interleave);
    }

    /** A copy that uses this mosquitto binary. */
    public BenchOptions withMosquittoBinary(Path binary) {
        return new BenchOptions(brokers, quick, out, mqttVersion, sensors, rates, qos, workloads, stepDuration, ramp,
                subscribers, payloadSize, rampConnections, rampRate, rampHold, certify, certifyOnly, binary,
                baselineDir, rounds, interleave);
    }

    /** A copy that runs each step {@code n} times per broker, brokers one after the other or interleaved. */
    public BenchOptions withRounds(int n, boolean interleaved) {
        return new BenchOptions(brokers, quick, out, mqttVersion, sensors, rates, qos, workloads, stepDuration, ramp,
                subscribers, payloadSize, rampConnections, rampRate, rampHold, certify, certifyOnly, mosquittoBinary,
                baselineDir, n, interleaved);
    }
}
