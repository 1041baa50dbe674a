package io.mqttharness.spec.scenario;

import io.mqttharness.codec.MqttVersion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One declarative scenario, as read from a YAML file (see {@code spec-tests/SCENARIOS.md}).
 *
 * @param id unique identifier, e.g. {@code publish-qos1-roundtrip}
 * @param title one line for reports
 * @param versions protocol versions the scenario runs under (one run per version)
 * @param statements statement IDs checked, per version
 * @param requires capabilities the broker must have, e.g. {@code retain}; otherwise the run is not applicable
 * @param clients logical clients by name, in declaration order
 * @param steps the script
 * @param observation true when every check is a SHOULD/MAY: a mismatch is an observation, not a failure
 * @param timeout hard limit for one run of the whole scenario, or {@code null} for the runner's default
 * @param source where the scenario was loaded from, for messages
 */
public record Scenario(
        String id,
        String title,
        List<MqttVersion> versions,
        Map<MqttVersion, List<String>> statements,
        Set<String> requires,
        Map<String, ClientSpec> clients,
        List<Step> steps,
        boolean observation,
        Duration timeout,
        String source) {

    public Scenario {
        versions = List.copyOf(versions);
        statements = Map.copyOf(statements);
        requires = Set.copyOf(requires);
        clients = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(clients));
        steps = List.copyOf(steps);
    }

    /** The statements checked under one version (empty when the version has none). */
    public List<String> statementsFor(MqttVersion version) {
        return statements.getOrDefault(version, List.of());
    }
}
