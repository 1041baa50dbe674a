package io.mqttharness.spec.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.Verdict;
import io.mqttharness.spec.scenario.YamlValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The known deviations of one broker: what a certification run of it is expected to report beyond PASSED,
 * OBSERVATION and NOT_APPLICABLE. Compared with a run by {@link BaselineComparison}; a CI gate fails only on
 * verdicts that differ from it. File format:
 *
 * <pre>
 * broker: mosquitto 2.0            # free text, for messages
 * deviations:
 *   - scenario: publish-qos3       # a scenario entry: pins this scenario's verdict
 *     version: "5"                 # optional; omitted = every version
 *     statement: MQTT-3.3.1-4      # the statement the broker deviates from
 *     verdict: FAILED              # optional, default FAILED; a list when timing-dependent: [FAILED, PASSED]
 *     reason: keeps the connection open after a QoS 3 PUBLISH
 *     isolate: true                # optional: run it on a fresh broker, it leaves this one broken
 *   - statement: MQTT-4.7.2-1      # a statement entry: pins the statement's verdict
 *     version: "3.1.1"
 *     reason: delivers $SYS topics to '#' subscribers
 * </pre>
 *
 * @param broker what the baseline describes
 * @param entries the deviations, in file order
 * @param source where it was read from, for messages
 */
public record Baseline(String broker, List<BaselineEntry> entries, String source) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> ROOT_KEYS = Set.of("broker", "deviations");
    private static final Set<String> ENTRY_KEYS =
            Set.of("scenario", "statement", "version", "verdict", "reason", "isolate");

    public Baseline {
        entries = List.copyOf(entries);
    }

    /** IDs of the scenarios to run on a fresh broker instance ({@link BaselineEntry#isolate()}). */
    public Set<String> isolatedScenarios() {
        Set<String> ids = new java.util.TreeSet<>();
        entries.stream().filter(BaselineEntry::isolate).forEach(e -> ids.add(e.scenarioId()));
        return ids;
    }

    /** A baseline without deviations: every scenario must pass (or be not applicable). */
    public static Baseline empty(String broker) {
        return new Baseline(broker, List.of(), "(empty baseline)");
    }

    /**
     * Reads a baseline file.
     *
     * @throws IllegalArgumentException naming the file and entry for unreadable or invalid content
     */
    public static Baseline load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read baseline " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a baseline from the classpath, e.g. {@code /baselines/mosquitto.yaml}. */
    public static Baseline loadResource(String resource) {
        try (InputStream in = Baseline.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("baseline " + resource + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read baseline " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Parses baseline YAML; {@code source} names it in messages. */
    public static Baseline parse(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return new Baseline("", List.of(), source);
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a mapping with 'broker' and 'deviations'");
        }
        checkKeys(root, ROOT_KEYS, source);
        JsonNode list = root.path("deviations");
        if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
            throw new IllegalArgumentException(source + ": 'deviations' must be a list");
        }
        List<BaselineEntry> entries = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int index = 0;
        for (JsonNode node : YamlValues.elements(list)) {
            index++;
            String where = source + ": deviation " + index;
            BaselineEntry entry = entry(node, where);
            for (MqttVersion v : entry.version() == null
                    ? List.of(MqttVersion.MQTT_3_1_1, MqttVersion.MQTT_5) : List.of(entry.version())) {
                String key = entry.kind() + "/" + (entry.kind() == BaselineEntry.Kind.SCENARIO
                        ? entry.scenarioId() : entry.statementId()) + "/" + v;
                if (!keys.add(key)) {
                    throw new IllegalArgumentException(where + ": " + entry.describe()
                            + " is listed twice for version " + v.displayName());
                }
            }
            entries.add(entry);
        }
        return new Baseline(root.path("broker").asText(""), entries, source);
    }

    private static BaselineEntry entry(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected a mapping with scenario/statement, reason");
        }
        checkKeys(node, ENTRY_KEYS, where);
        String scenario = text(node, "scenario");
        String statement = text(node, "statement");
        String reason = text(node, "reason");
        if (statement == null) {
            throw new IllegalArgumentException(where + ": 'statement' is required (the statement ID the broker "
                    + "deviates from)");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException(where + ": 'reason' is required (one line: why this is a deviation)");
        }
        MqttVersion version = null;
        String versionText = text(node, "version");
        if (versionText != null) {
            try {
                version = YamlValues.version(versionText);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        Set<Verdict> verdicts = java.util.EnumSet.noneOf(Verdict.class);
        JsonNode verdictNode = node.get("verdict");
        if (verdictNode == null || verdictNode.isNull()) {
            verdicts.add(Verdict.FAILED);
        } else {
            for (JsonNode v : YamlValues.elements(verdictNode)) {
                verdicts.add(verdict(v.asText(), where));
            }
        }
        BaselineEntry.Kind kind = scenario != null ? BaselineEntry.Kind.SCENARIO : BaselineEntry.Kind.STATEMENT;
        JsonNode isolate = node.get("isolate");
        if (isolate != null && !isolate.isBoolean()) {
            throw new IllegalArgumentException(where + ": 'isolate' must be true or false");
        }
        if (isolate != null && isolate.asBoolean() && kind != BaselineEntry.Kind.SCENARIO) {
            throw new IllegalArgumentException(where + ": 'isolate' needs a 'scenario'");
        }
        return new BaselineEntry(kind, scenario, statement, version, verdicts, reason.strip(),
                isolate != null && isolate.asBoolean());
    }

    private static Verdict verdict(String text, String where) {
        try {
            Verdict v = Verdict.valueOf(text.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
            if (v == Verdict.NOT_COVERED) {
                throw new IllegalArgumentException();
            }
            return v;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": unknown verdict '" + text
                    + "' (expected FAILED, ERROR, OBSERVATION, NOT_APPLICABLE or PASSED)", e);
        }
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "' (allowed: "
                        + new java.util.TreeSet<>(allowed) + ")");
            }
        }
    }
}
