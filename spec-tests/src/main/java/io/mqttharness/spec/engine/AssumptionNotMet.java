package io.mqttharness.spec.engine;

/**
 * An {@code assume: true} step did not match: the broker made a choice the specification allows (e.g. granted a
 * lower QoS) under which the rest of the scenario cannot judge it. The scenario is NOT_APPLICABLE, not FAILED.
 */
public final class AssumptionNotMet extends StepFailure {
    private static final long serialVersionUID = 1L;

    public AssumptionNotMet(String message) {
        super(message);
    }
}
