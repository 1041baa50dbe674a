package io.mqttharness.spec.scenario;

import io.mqttharness.codec.MqttVersion;
import java.util.Set;

/**
 * Options every step has.
 *
 * @param label position and kind of the step, e.g. {@code step 4 (expect)}, used in messages
 * @param observation true for a SHOULD/MAY check: a mismatch is reported as an observation, not a failure
 * @param versions the versions this step runs under; empty means all versions of the scenario
 * @param comment free text from the scenario, shown in the trace
 * @param assume the step checks a precondition that the specification leaves to the broker (e.g. the QoS it
 *        grants): a mismatch ends the run as NOT_APPLICABLE with the mismatch as reason, not as FAILED
 */
public record StepOptions(String label, boolean observation, Set<MqttVersion> versions, String comment,
        boolean assume) {

    public StepOptions {
        versions = Set.copyOf(versions);
    }

    /** Options of a step that is not an assumption. */
    public StepOptions(String label, boolean observation, Set<MqttVersion> versions, String comment) {
        this(label, observation, versions, comment, false);
    }

    /** Whether the step runs under this version. */
    public boolean appliesTo(MqttVersion version) {
        return versions.isEmpty() || versions.contains(version);
    }
}
