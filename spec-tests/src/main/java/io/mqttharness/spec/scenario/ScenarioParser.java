package io.mqttharness.spec.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mqttharness.codec.MqttVersion;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one scenario YAML document into a {@link Scenario}, checking its structure: unknown keys, unknown
 * clients, packet field names and durations are all reported with the file name and the place.
 */
public final class ScenarioParser {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Set<String> TOP_KEYS = Set.of("id", "title", "description", "versions", "statements",
            "requires", "clients", "steps", "observation", "timeout");

    private ScenarioParser() {
    }

    /**
     * Parses YAML text.
     *
     * @param source file name or resource path, used in messages
     * @throws ScenarioSyntaxException naming the source and the problem
     */
    public static Scenario parse(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new ScenarioSyntaxException(source + ": not valid YAML: " + firstLine(e.getMessage()), e);
        }
        try {
            return parse(root, source);
        } catch (IllegalArgumentException e) {
            throw new ScenarioSyntaxException(source + ": " + e.getMessage(), e);
        }
    }

    private static Scenario parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a scenario must be a YAML mapping with id, title, versions, steps");
        }
        checkKeys(root, TOP_KEYS, "scenario");
        String id = requiredText(root, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id '" + id + "' must be lower case letters, digits, '.', '_' or '-'");
        }
        String title = requiredText(root, "title");
        List<MqttVersion> versions = new ArrayList<>();
        for (JsonNode v : YamlValues.elements(root.get("versions"))) {
            versions.add(YamlValues.version(v.asText()));
        }
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("'versions' is required, e.g. [3.1.1, 5]");
        }
        Map<MqttVersion, List<String>> statements = statements(root.get("statements"), versions);
        Set<String> requires = new LinkedHashSet<>();
        YamlValues.elements(root.get("requires")).forEach(r -> requires.add(r.asText()));
        Map<String, ClientSpec> clients = clients(root.get("clients"));
        StepParser steps = new StepParser(clients.keySet());
        JsonNode stepsNode = root.get("steps");
        if (stepsNode == null || !stepsNode.isArray() || stepsNode.isEmpty()) {
            throw new IllegalArgumentException("'steps' must be a non-empty list");
        }
        List<Step> parsedSteps = steps.parseList(stepsNode, "step ");
        boolean observation = root.path("observation").asBoolean(false);
        Duration timeout = root.hasNonNull("timeout") ? YamlValues.duration(root.get("timeout").asText()) : null;
        return new Scenario(id, title, versions, statements, requires, clients, parsedSteps, observation, timeout,
                source);
    }

    private static Map<MqttVersion, List<String>> statements(JsonNode node, List<MqttVersion> versions) {
        Map<MqttVersion, List<String>> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                MqttVersion version = YamlValues.version(e.getKey());
                if (!versions.contains(version)) {
                    throw new IllegalArgumentException("statements given for version " + e.getKey()
                            + " which is not in 'versions'");
                }
                out.put(version, statementList(e.getValue()));
            }
        } else {
            List<String> all = statementList(node);
            versions.forEach(v -> out.put(v, all));
        }
        if (out.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("'statements' must name at least one statement ID, e.g. [MQTT-3.1.0-1]");
        }
        return out;
    }

    private static List<String> statementList(JsonNode node) {
        List<String> ids = new ArrayList<>();
        for (JsonNode s : YamlValues.elements(node)) {
            String id = s.asText().trim();
            if (id.startsWith("[") && id.endsWith("]")) {
                id = id.substring(1, id.length() - 1);
            }
            if (!id.matches("MQTT-\\d+(\\.\\d+)*-\\d+")) {
                throw new IllegalArgumentException("'" + s.asText() + "' is not a statement ID like MQTT-3.1.0-1");
            }
            ids.add(id);
        }
        return ids;
    }

    private static Map<String, ClientSpec> clients(JsonNode node) {
        Map<String, ClientSpec> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("'clients' is required, e.g. [publisher, subscriber]");
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode options = e.getValue();
                if (options != null && options.isObject()) {
                    checkKeys(options, Set.of("auto_ack"), "client " + e.getKey());
                }
                boolean autoAck = options != null && options.path("auto_ack").asBoolean(false);
                out.put(e.getKey(), new ClientSpec(e.getKey(), autoAck));
            }
        } else {
            for (JsonNode n : YamlValues.elements(node)) {
                out.put(n.asText(), new ClientSpec(n.asText(), false));
            }
        }
        for (String name : out.keySet()) {
            if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("client name '" + name + "' must be letters, digits or '_'");
            }
        }
        return out;
    }

    static void checkKeys(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' in " + where + " (allowed: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static String requiredText(JsonNode root, String key) {
        JsonNode n = root.get(key);
        if (n == null || !n.isValueNode() || n.asText().isBlank()) {
            throw new IllegalArgumentException("'" + key + "' is required");
        }
        return n.asText().trim();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
