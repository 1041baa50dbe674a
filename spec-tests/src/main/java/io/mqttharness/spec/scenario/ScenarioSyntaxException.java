package io.mqttharness.spec.scenario;

/** A scenario file that cannot be read or does not follow the scenario format; the message names file and place. */
public final class ScenarioSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScenarioSyntaxException(String message) {
        super(message);
    }

    public ScenarioSyntaxException(String message, Throwable cause) {
        super(message, cause);
    }
}
