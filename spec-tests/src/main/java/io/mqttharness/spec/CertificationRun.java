package io.mqttharness.spec;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.capability.BrokerCapabilities;
import io.mqttharness.spec.client.MqttTarget;
import io.mqttharness.spec.statement.StatementResult;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The complete result of a certification: the broker and what it supports per version, every scenario result
 * (with traces) and the verdict per normative statement. Reports are built from this.
 *
 * @param runId the run ID used in topics and client identifiers
 * @param target the broker
 * @param startedAt when the run started
 * @param durationMillis wall time
 * @param capabilities per probed version
 * @param scenarios one result per scenario and version, sorted by ID then version
 * @param statements one result per covered or server-testable statement and version, in spec order
 */
public record CertificationRun(String runId, MqttTarget target, Instant startedAt, long durationMillis,
        Map<MqttVersion, BrokerCapabilities> capabilities, List<ScenarioResult> scenarios,
        List<StatementResult> statements) {

    public CertificationRun {
        capabilities = Map.copyOf(capabilities);
        scenarios = List.copyOf(scenarios);
        statements = List.copyOf(statements);
    }

    /** Number of scenario results per verdict. */
    public Map<Verdict, Integer> scenarioCounts() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        scenarios.forEach(s -> counts.merge(s.verdict(), 1, Integer::sum));
        return counts;
    }

    /** Whether no scenario failed or errored. */
    public boolean successful() {
        return scenarios.stream().noneMatch(s -> s.verdict() == Verdict.FAILED || s.verdict() == Verdict.ERROR);
    }
}
