package io.mqttharness.load.simulation;

import java.time.Duration;
import java.util.Properties;

/**
 * Parameters of {@link SensorFleet}, read from system properties (Gatling instantiates simulations itself,
 * so there is no constructor to pass them through).
 *
 * @param sensors publishing virtual users ({@code mqtt.sensors}, default 100)
 * @param ratePerSensor messages per second per sensor ({@code mqtt.rate}, default 1)
 * @param qos publish and subscribe QoS ({@code mqtt.qos}, default 1)
 * @param duration publishing time per sensor ({@code mqtt.duration} in seconds, default 60)
 * @param ramp time over which sensors connect ({@code mqtt.ramp} in whole seconds, default 1;
 *     below 1 s all sensors start at once)
 * @param host broker host ({@code mqtt.host}, default 127.0.0.1)
 * @param port broker port ({@code mqtt.port}, default 1883)
 * @param version MQTT version ({@code mqtt.version}, 3.1.1 or 5, default 3.1.1)
 * @param payloadSize bytes per message ({@code mqtt.payloadSize}, default 64, at least the 31-byte header)
 */
public record SensorFleetSettings(int sensors, double ratePerSensor, int qos, Duration duration, Duration ramp,
        String host, int port, String version, int payloadSize) {

    public SensorFleetSettings {
        require(sensors >= 1, "mqtt.sensors must be at least 1, got " + sensors);
        require(ratePerSensor > 0 && ratePerSensor <= 1000, "mqtt.rate must be in (0, 1000], got " + ratePerSensor);
        require(qos >= 0 && qos <= 2, "mqtt.qos must be 0, 1 or 2, got " + qos);
        require(!duration.isNegative() && !duration.isZero(), "mqtt.duration must be positive, got " + duration);
        require(!ramp.isNegative(), "mqtt.ramp must not be negative, got " + ramp);
        require(payloadSize >= 0, "mqtt.payloadSize must not be negative, got " + payloadSize);
    }

    /** Settings from {@code properties}; a malformed number is an {@link IllegalArgumentException} naming it. */
    public static SensorFleetSettings from(Properties properties) {
        return new SensorFleetSettings(
                intProperty(properties, "mqtt.sensors", 100),
                doubleProperty(properties, "mqtt.rate", 1.0),
                intProperty(properties, "mqtt.qos", 1),
                Duration.ofMillis((long) (doubleProperty(properties, "mqtt.duration", 60) * 1000)),
                Duration.ofMillis((long) (doubleProperty(properties, "mqtt.ramp", 1) * 1000)),
                properties.getProperty("mqtt.host", "127.0.0.1"),
                intProperty(properties, "mqtt.port", 1883),
                properties.getProperty("mqtt.version", "3.1.1"),
                intProperty(properties, "mqtt.payloadSize", 64));
    }

    /** Time between two publishes of one sensor. */
    public Duration interval() {
        return Duration.ofNanos((long) (1_000_000_000L / ratePerSensor));
    }

    private static int intProperty(Properties properties, String name, int fallback) {
        String value = properties.getProperty(name);
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got '" + value + "'");
        }
    }

    private static double doubleProperty(Properties properties, String name, double fallback) {
        String value = properties.getProperty(name);
        try {
            return value == null ? fallback : Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
