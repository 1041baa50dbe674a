package io.mqttharness.spec.fuzz;

import io.mqttharness.codec.MqttVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one fuzz run.
 *
 * @param version the MQTT version of the sessions and of the control connection
 * @param duration how long to fuzz (minimisation comes on top)
 * @param seed seed of the random generator; the same seed against the same broker makes the same sessions
 * @param outDir where reproducer scenarios are written
 * @param pingInterval how often the control connection sends PINGREQ
 * @param pingTimeout how long a PINGRESP (or CONNACK) may take before the broker counts as hung
 */
public record FuzzOptions(MqttVersion version, Duration duration, long seed, Path outDir, Duration pingInterval,
        Duration pingTimeout) {

    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_PING_TIMEOUT = Duration.ofSeconds(5);

    public FuzzOptions {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(outDir, "outDir");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, got " + duration);
        }
        if (pingInterval.isNegative() || pingInterval.isZero() || pingTimeout.isNegative() || pingTimeout.isZero()) {
            throw new IllegalArgumentException("ping interval and timeout must be positive");
        }
    }
}
