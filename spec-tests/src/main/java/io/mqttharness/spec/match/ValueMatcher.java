package io.mqttharness.spec.match;

import com.fasterxml.jackson.databind.JsonNode;
import io.mqttharness.spec.packet.Bytes;
import io.mqttharness.spec.packet.FieldValues;
import io.mqttharness.spec.packet.ReasonValue;
import io.mqttharness.spec.packet.UserProperties;
import io.mqttharness.spec.scenario.YamlValues;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares an expected value from a scenario with a value of a received packet ({@link
 * io.mqttharness.spec.packet.PacketView}). Only what the expectation names is checked:
 * <ul>
 *   <li>{@code "*"}: present with any value; {@code absent} or YAML {@code null}: not present;</li>
 *   <li>numbers: exact, or {@code >=1}, {@code <5}, {@code 1..10}, {@code !=0}; reason codes also by name;</li>
 *   <li>strings: exact, or a glob where {@code *} matches any run of characters ({@code \*} is a literal star);</li>
 *   <li>a list where one value is expected: any of the listed values ({@code absent} among them allows the
 *       field to be missing);</li>
 *   <li>mappings (properties, will): only the keys given; lists: element by element; user properties and
 *       subscription identifiers: as multisets (order ignored), or user properties in order with
 *       {@code {in_order: [...]}}.</li>
 * </ul>
 */
public final class ValueMatcher {
    private static final Set<String> MULTISETS = Set.of("user_properties", "subscription_identifiers");
    /** {@code user_properties: {in_order: [...]}} compares the list in order instead of as a multiset. */
    private static final String IN_ORDER = "in_order";

    private ValueMatcher() {
    }

    /** A description of the mismatch, or {@code null} when the value matches. */
    public static String mismatch(String path, JsonNode expected, Object actual) {
        if (expected == null || expected.isNull() || (expected.isTextual() && expected.asText().equals("absent"))) {
            return actual == null ? null : path + ": expected absent but was " + actual;
        }
        if (expected.isTextual() && expected.asText().equals("*")) {
            return actual == null ? path + ": expected present but was absent" : null;
        }
        if (actual == null) {
            // [absent, "1..10"]: either not present or one of the values
            boolean absentAllowed = false;
            if (expected.isArray()) {
                for (JsonNode alternative : expected) {
                    absentAllowed |= alternative.isNull() || alternative.asText().equals("absent");
                }
            }
            return absentAllowed ? null : path + ": expected " + show(expected) + " but was absent";
        }
        if (actual instanceof Map<?, ?> map) {
            return mapMismatch(path, expected, map);
        }
        if (actual instanceof List<?> list) {
            return MULTISETS.contains(leaf(path)) ? multisetMismatch(path, expected, list)
                    : listMismatch(path, expected, list);
        }
        if (expected.isArray()) {
            for (JsonNode alternative : expected) {
                if (scalarMatches(alternative, actual)) {
                    return null;
                }
            }
            return path + ": expected one of " + show(expected) + " but was " + actual;
        }
        return scalarMatches(expected, actual) ? null : path + ": expected " + show(expected) + " but was " + actual;
    }

    private static String mapMismatch(String path, JsonNode expected, Map<?, ?> actual) {
        if (!expected.isObject()) {
            return path + ": expected a mapping of fields but the scenario gave " + show(expected);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String m = mismatch(path + "." + e.getKey(), e.getValue(), actual.get(e.getKey()));
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private static String listMismatch(String path, JsonNode expected, List<?> actual) {
        List<JsonNode> items = YamlValues.elements(expected);
        if (items.size() != actual.size()) {
            return path + ": expected " + items.size() + " element(s) " + show(expected) + " but was " + actual;
        }
        for (int i = 0; i < items.size(); i++) {
            String m = mismatch(path + "[" + i + "]", items.get(i), actual.get(i));
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private static String multisetMismatch(String path, JsonNode expected, List<?> actual) {
        List<Object> wanted = new ArrayList<>();
        if (leaf(path).equals("user_properties") && expected.isObject() && expected.has(IN_ORDER)
                && expected.size() == 1) {
            // the order of User Properties is itself normative when forwarding [MQTT-3.3.2-18]
            UserProperties.parse(expected.get(IN_ORDER), path).forEach(p -> wanted.add(List.of(p.name(), p.value())));
            return wanted.equals(actual) ? null : path + ": expected in this order " + wanted + " but was " + actual;
        }
        if (leaf(path).equals("user_properties")) {
            UserProperties.parse(expected, path).forEach(p -> wanted.add(List.of(p.name(), p.value())));
        } else {
            YamlValues.elements(expected).forEach(n -> wanted.add(FieldValues.integer(n, path)));
        }
        List<Object> remaining = new ArrayList<>(actual);
        for (Object w : wanted) {
            if (!remaining.remove(w)) {
                return path + ": expected (in any order) " + wanted + " but was " + actual;
            }
        }
        return remaining.isEmpty() ? null : path + ": expected (in any order) " + wanted + " but was " + actual;
    }

    private static boolean scalarMatches(JsonNode expected, Object actual) {
        String text = expected.asText();
        if (text.equals("*")) {
            return true;
        }
        if (actual instanceof Boolean b) {
            return (expected.isBoolean() || text.equals("true") || text.equals("false")) && b == Boolean.parseBoolean(text);
        }
        if (actual instanceof Long l) {
            return NumberPattern.isNumeric(text) && NumberPattern.matches(text, l);
        }
        if (actual instanceof ReasonValue r) {
            return NumberPattern.isNumeric(text) ? NumberPattern.matches(text, r.wire()) : r.hasName(text);
        }
        if (actual instanceof Bytes b) {
            return b.equals(new Bytes(FieldValues.bytes(text)));
        }
        if (actual instanceof String s) {
            return globMatches(text, s);
        }
        return text.equals(String.valueOf(actual));
    }

    static boolean globMatches(String pattern, String actual) {
        if (!pattern.contains("*")) {
            return pattern.equals(actual);
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                regex.append(Pattern.quote("*"));
                i++;
            } else if (c == '*') {
                regex.append(".*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual).matches();
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String show(JsonNode node) {
        return node.isTextual() ? "'" + node.asText() + "'" : node.toString();
    }
}
