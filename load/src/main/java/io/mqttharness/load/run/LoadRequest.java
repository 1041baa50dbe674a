package io.mqttharness.load.run;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One load run, as the CLI ({@code mqtt-harness load}) and the bench driver describe it.
 *
 * @param scenario the workload
 * @param target broker address: {@code tcp://host:port}, {@code tls://host:port} or {@code ws://host:port/path}
 *     ({@code embedded} is resolved by the caller to a started broker's tcp address)
 * @param mqttVersion {@code 3.1.1} or {@code 5}
 * @param sensors publishing clients (for connection-storm: connections to open)
 * @param ratePerSensor messages per second per sensor (for connection-storm: connections per second in total)
 * @param qos publish and subscribe QoS, 0 to 2
 * @param duration publishing time (after the ramp)
 * @param ramp time over which sensors connect
 * @param subscribers dashboard / consumer clients (sensor-fleet dashboards, fan-in group members, fan-out
 *     subscribers)
 * @param payloadSize bytes per message, at least the end-to-end header
 * @param username user name, or null
 * @param password password, or null
 * @param trustAllCertificates for tls targets: skip certificate verification (self-signed test brokers)
 * @param reportDirectory where Gatling's HTML report, {@code load-summary.json} and the {@code .hgrm} files go
 * @param options scenario-specific extras (e.g. {@code offlineFor=10s}), free-form, documented per scenario
 * @param gatlingReport whether Gatling writes its {@code simulation.log} and HTML report; off for long runs, whose
 *     log grows by about 90 MB per million messages and takes minutes to turn into a report after the run (our
 *     own summary, counts and histogram do not depend on it)
 */
public record LoadRequest(LoadScenario scenario, URI target, String mqttVersion, int sensors, double ratePerSensor,
        int qos, Duration duration, Duration ramp, int subscribers, int payloadSize, String username,
        String password, boolean trustAllCertificates, Path reportDirectory, Map<String, String> options,
        boolean gatlingReport) {

    /** A request with Gatling's HTML report. */
    public LoadRequest(LoadScenario scenario, URI target, String mqttVersion, int sensors, double ratePerSensor,
            int qos, Duration duration, Duration ramp, int subscribers, int payloadSize, String username,
            String password, boolean trustAllCertificates, Path reportDirectory, Map<String, String> options) {
        this(scenario, target, mqttVersion, sensors, ratePerSensor, qos, duration, ramp, subscribers, payloadSize,
                username, password, trustAllCertificates, reportDirectory, options, true);
    }

    public LoadRequest {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(mqttVersion, "mqttVersion");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(ramp, "ramp");
        Objects.requireNonNull(reportDirectory, "reportDirectory");
        options = options == null ? Map.of() : Map.copyOf(options);
        if (sensors < 1) {
            throw new IllegalArgumentException("sensors must be at least 1, got " + sensors);
        }
        if (!(ratePerSensor > 0)) {
            throw new IllegalArgumentException("rate must be positive, got " + ratePerSensor);
        }
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("qos must be 0, 1 or 2, got " + qos);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, got " + duration);
        }
        if (ramp.isNegative()) {
            throw new IllegalArgumentException("ramp must not be negative, got " + ramp);
        }
        if (subscribers < 0) {
            throw new IllegalArgumentException("subscribers must not be negative, got " + subscribers);
        }
        if (payloadSize < 0) {
            throw new IllegalArgumentException("payload size must not be negative, got " + payloadSize);
        }
    }

    /** This request with or without Gatling's {@code simulation.log} and HTML report. */
    public LoadRequest withGatlingReport(boolean value) {
        return new LoadRequest(scenario, target, mqttVersion, sensors, ratePerSensor, qos, duration, ramp, subscribers,
                payloadSize, username, password, trustAllCertificates, reportDirectory, options, value);
    }

    /** The offered message rate of all sensors together, msg/s. */
    public double offeredRate() {
        return sensors * ratePerSensor;
    }
}
