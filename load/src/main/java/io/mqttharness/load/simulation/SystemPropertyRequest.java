package io.mqttharness.load.simulation;

import io.mqttharness.load.run.LoadRequest;
import io.mqttharness.load.run.LoadScenario;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A {@link LoadRequest} from system properties, for simulations run directly by Gatling (no
 * {@link io.mqttharness.load.run.LoadRunner}):
 * <ul>
 *   <li>{@code mqtt.target} ({@code tcp://host:port}, {@code tls://}, {@code ws://host:port/path}), or
 *       {@code mqtt.host} (127.0.0.1) and {@code mqtt.port} (1883)</li>
 *   <li>{@code mqtt.version} (3.1.1), {@code mqtt.sensors} (100), {@code mqtt.rate} (msg/s per sensor, 1),
 *       {@code mqtt.qos} (1), {@code mqtt.duration} (s, 60), {@code mqtt.ramp} (s, 1), {@code mqtt.subscribers}
 *       (1), {@code mqtt.payloadSize} (64), {@code mqtt.username}, {@code mqtt.password}, {@code mqtt.trustAll}
 *       (false), {@code mqtt.reportDir} (target/gatling), and {@code mqtt.option.NAME} for scenario options</li>
 * </ul>
 */
final class SystemPropertyRequest {
    private static final String OPTION_PREFIX = "mqtt.option.";

    private SystemPropertyRequest() {
    }

    /** The request; a malformed value is an {@link IllegalArgumentException} naming the property. */
    static LoadRequest from(Properties p, LoadScenario scenario) {
        String target = p.getProperty("mqtt.target");
        if (target == null) {
            target = "tcp://" + p.getProperty("mqtt.host", "127.0.0.1") + ":" + intProperty(p, "mqtt.port", 1883);
        }
        Map<String, String> options = new HashMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith(OPTION_PREFIX)) {
                options.put(name.substring(OPTION_PREFIX.length()), p.getProperty(name));
            }
        }
        return new LoadRequest(scenario, URI.create(target), p.getProperty("mqtt.version", "3.1.1"),
                intProperty(p, "mqtt.sensors", 100), doubleProperty(p, "mqtt.rate", 1.0), intProperty(p, "mqtt.qos", 1),
                seconds(p, "mqtt.duration", 60), seconds(p, "mqtt.ramp", 1), intProperty(p, "mqtt.subscribers", 1),
                intProperty(p, "mqtt.payloadSize", 64), p.getProperty("mqtt.username"),
                p.getProperty("mqtt.password"), Boolean.parseBoolean(p.getProperty("mqtt.trustAll", "false")),
                Path.of(p.getProperty("mqtt.reportDir", "target/gatling")), options);
    }

    private static Duration seconds(Properties p, String name, double fallback) {
        return Duration.ofMillis((long) (doubleProperty(p, name, fallback) * 1000));
    }

    private static int intProperty(Properties p, String name, int fallback) {
        String value = p.getProperty(name);
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got '" + value + "'");
        }
    }

    private static double doubleProperty(Properties p, String name, double fallback) {
        String value = p.getProperty(name);
        try {
            return value == null ? fallback : Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
        }
    }
}
