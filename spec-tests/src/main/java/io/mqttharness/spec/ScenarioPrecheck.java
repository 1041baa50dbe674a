package io.mqttharness.spec;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.capability.BrokerCapabilities;
import io.mqttharness.spec.capability.Capability;
import io.mqttharness.spec.engine.ScenarioExecutor;
import io.mqttharness.spec.scenario.Scenario;
import io.mqttharness.spec.statement.StatementCatalog;

/**
 * Decides before running whether a scenario can be judged under a version: it is an ERROR when it names unknown
 * statements or capabilities, NOT_APPLICABLE when the broker does not accept the version or lacks a capability.
 */
final class ScenarioPrecheck {
    private ScenarioPrecheck() {
    }

    /** A result that replaces the run, or {@code null} when the scenario should run. */
    static ScenarioResult check(Scenario scenario, MqttVersion version, StatementCatalog catalog,
            BrokerCapabilities caps) {
        for (String id : scenario.statementsFor(version)) {
            if (!catalog.contains(id)) {
                return ScenarioExecutor.skipped(scenario, version, Verdict.ERROR, "scenario " + scenario.source()
                        + " names " + id + ", which is not a normative statement of MQTT " + version.displayName());
            }
        }
        for (String capability : scenario.requires()) {
            if (!Capability.ALL.contains(capability)) {
                return ScenarioExecutor.skipped(scenario, version, Verdict.ERROR, "scenario requires unknown "
                        + "capability '" + capability + "' (known: " + new java.util.TreeSet<>(Capability.ALL) + ")");
            }
        }
        if (!caps.accepted()) {
            return ScenarioExecutor.skipped(scenario, version, Verdict.NOT_APPLICABLE, "the broker does not accept "
                    + "MQTT " + version.displayName() + " connections: " + caps.refusal());
        }
        for (String capability : scenario.requires()) {
            if (!caps.has(capability)) {
                return ScenarioExecutor.skipped(scenario, version, Verdict.NOT_APPLICABLE, "the broker lacks "
                        + "capability '" + capability + "' (from " + caps.sources().get(capability) + ")");
            }
        }
        return null;
    }
}
