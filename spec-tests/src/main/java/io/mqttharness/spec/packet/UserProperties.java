package io.mqttharness.spec.packet;

import com.fasterxml.jackson.databind.JsonNode;
import io.mqttharness.codec.MqttUserProperty;
import io.mqttharness.spec.scenario.YamlValues;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads user properties written as a list of {@code {name: a, value: b}} mappings, of {@code [a, b]} pairs or of
 * one-key mappings {@code {a: b}}; names may repeat.
 */
public final class UserProperties {
    private UserProperties() {
    }

    public static List<MqttUserProperty> parse(JsonNode node, String field) {
        List<MqttUserProperty> out = new ArrayList<>();
        for (JsonNode item : YamlValues.elements(node)) {
            if (item.isArray() && item.size() == 2) {
                out.add(new MqttUserProperty(item.get(0).asText(), item.get(1).asText()));
            } else if (item.isObject() && item.has("name") && item.has("value") && item.size() == 2) {
                out.add(new MqttUserProperty(item.get("name").asText(), item.get("value").asText()));
            } else if (item.isObject() && item.size() == 1) {
                Iterator<Map.Entry<String, JsonNode>> it = item.fields();
                Map.Entry<String, JsonNode> e = it.next();
                out.add(new MqttUserProperty(e.getKey(), e.getValue().asText()));
            } else {
                throw new IllegalArgumentException(field + ": each user property is {name: n, value: v}, [n, v] or {n: v}");
            }
        }
        return out;
    }
}
