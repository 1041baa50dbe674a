package io.mqttharness.spec.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.mqttharness.codec.MqttVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Conversions of YAML scalars that scenario files use: durations, versions, lists given as one value. */
public final class YamlValues {
    private YamlValues() {
    }

    /**
     * Parses {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 1m}; a bare number means seconds.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 2).trim())));
            }
            double factor = 1000;
            String number = t;
            if (t.endsWith("s")) {
                number = t.substring(0, t.length() - 1);
            } else if (t.endsWith("m")) {
                number = t.substring(0, t.length() - 1);
                factor = 60_000;
            }
            double value = Double.parseDouble(number.trim());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(Math.round(value * factor));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid duration '" + text + "' (expected e.g. 500ms, 2s, 1.5s, 1m)");
        }
    }

    /** Parses a version as scenarios write it: {@code 3.1.1}, {@code 5} or {@code 5.0}. */
    public static MqttVersion version(String text) {
        MqttVersion version = MqttVersion.parse(text);
        if (version == MqttVersion.MQTT_3_1) {
            throw new IllegalArgumentException("MQTT 3.1 is not certified (use 3.1.1 or 5)");
        }
        return version;
    }

    /** A node's elements, treating a scalar as a one-element list and a missing node as an empty list. */
    public static List<JsonNode> elements(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }

    /** Parses an integer written in decimal or as {@code 0x..} hex. */
    public static long integer(String text) {
        String t = text.trim();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            return Long.parseLong(t.substring(2), 16);
        }
        return Long.parseLong(t);
    }
}
