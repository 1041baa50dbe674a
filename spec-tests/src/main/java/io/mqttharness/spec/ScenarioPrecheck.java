package io.mqttharness.spec;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.capability.BrokerCapabilities;
import io.mqttharness.spec.capability.Capability;
import io.mqttharness.spec.capability.CapabilityProbe;
import io.mqttharness.spec.engine.ScenarioExecutor;
import io.mqttharness.spec.scenario.Scenario;
import io.mqttharness.spec.statement.StatementCatalog;

/**
 * Decides before running whether a scenario can be judged under a version: it is an ERROR when it names unknown
 * statements or capabilities or when the capability probe got no usable answer (a broker that hangs or sends
 * garbage), NOT_APPLICABLE when the broker does not accept the version or lacks a capability.
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
        for (String requirement : scenario.requires()) {
            String capability = Capability.nameOf(requirement);
            if (!Capability.ALL.contains(capability)) {
                return ScenarioExecutor.skipped(scenario, version, Verdict.ERROR, "scenario requires unknown "
                        + "capability '" + capability + "' (known: " + new java.util.TreeSet<>(Capability.ALL) + ")");
            }
        }
        if (!caps.accepted() && CapabilityProbe.unanswered(caps.refusal())) {
            // a broker that hangs or answers garbage has not declined the version: nothing could be judged
            return ScenarioExecutor.skipped(scenario, version, Verdict.ERROR, "the capability probe got no usable "
                    + "answer to an MQTT " + version.displayName() + " CONNECT: " + caps.refusal());
        }
        if (!caps.accepted()) {
            return ScenarioExecutor.skipped(scenario, version, Verdict.NOT_APPLICABLE, "the broker does not accept "
                    + "MQTT " + version.displayName() + " connections: " + caps.refusal());
        }
        for (String requirement : scenario.requires()) {
            String capability = Capability.nameOf(requirement);
            // "!qos2": the scenario checks what the specification asks of brokers without QoS 2
            boolean wanted = !Capability.negated(requirement);
            if (caps.has(capability) != wanted) {
                return ScenarioExecutor.skipped(scenario, version, Verdict.NOT_APPLICABLE, "the broker "
                        + (wanted ? "lacks" : "has") + " capability '" + capability + "' (from "
                        + caps.sources().get(capability) + ")"
                        + (wanted ? "" : "; the scenario checks brokers without it"));
            }
        }
        return null;
    }

}
