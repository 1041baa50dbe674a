package io.mqttharness.spec.fuzz;

/** The fuzz target does not accept the control connection at the start of a run. */
public final class FuzzTargetUnreachableException extends Exception {
    private static final long serialVersionUID = 1L;

    public FuzzTargetUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
