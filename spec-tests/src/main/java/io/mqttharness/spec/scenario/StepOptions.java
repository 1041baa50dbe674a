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
 */
public record StepOptions(String label, boolean observation, Set<MqttVersion> versions, String comment) {

    public StepOptions {
        versions = Set.copyOf(versions);
    }

    /** Whether the step runs under this version. */
    public boolean appliesTo(MqttVersion version) {
        return versions.isEmpty() || versions.contains(version);
    }
}
