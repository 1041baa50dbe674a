package io.mqttharness.spec.engine;

/**
 * A problem of the harness or the scenario rather than the broker (bad field value, unknown placeholder, hard
 * timeout, unreachable broker); reported as ERROR, never as a failure of the broker.
 */
public final class ScenarioError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScenarioError(String message) {
        super(message);
    }

    public ScenarioError(String message, Throwable cause) {
        super(message, cause);
    }
}
