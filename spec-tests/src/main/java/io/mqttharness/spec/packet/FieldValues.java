package io.mqttharness.spec.packet;

import com.fasterxml.jackson.databind.JsonNode;
import io.mqttharness.codec.MqttHex;
import io.mqttharness.spec.scenario.YamlValues;
import java.nio.charset.StandardCharsets;

/** Typed reads of scenario field values (after placeholders are resolved), with messages naming the field. */
public final class FieldValues {
    /** Prefix that marks a string as hex bytes: {@code "hex:00 ff"}. */
    public static final String HEX_PREFIX = "hex:";

    private FieldValues() {
    }

    public static long integer(JsonNode node, String field) {
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        try {
            return YamlValues.integer(node.asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + node.asText() + "' is not an integer");
        }
    }

    public static int integer(JsonNode node, String field, int min, int max) {
        long value = integer(node, field);
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + ": " + value + " is outside " + min + ".." + max);
        }
        return (int) value;
    }

    public static boolean bool(JsonNode node, String field) {
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        String t = node.asText().trim();
        if (t.equals("true") || t.equals("1")) {
            return true;
        }
        if (t.equals("false") || t.equals("0")) {
            return false;
        }
        throw new IllegalArgumentException(field + ": '" + t + "' is not true or false");
    }

    /** Bytes of a string: {@code hex:...} is hex, anything else is UTF-8 text. */
    public static byte[] bytes(JsonNode node) {
        return bytes(node.asText());
    }

    /** Bytes of a string: {@code hex:...} is hex, anything else is UTF-8 text. */
    public static byte[] bytes(String text) {
        if (text.startsWith(HEX_PREFIX)) {
            return MqttHex.parse(text.substring(HEX_PREFIX.length()));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
