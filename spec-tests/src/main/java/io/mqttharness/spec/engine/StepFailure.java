package io.mqttharness.spec.engine;

/**
 * The broker did not behave as a step expects; the message says what was expected and what happened. Subclass
 * {@link AssumptionNotMet} marks a precondition the specification leaves open.
 */
public class StepFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public StepFailure(String message) {
        super(message, null, false, false);
    }
}
