package io.mqttharness.load.internal;

/** A DSL expression (EL string or session function) could not be resolved for a virtual user. */
public final class ExpressionException extends RuntimeException {
    public ExpressionException(String message) {
        super(message);
    }
}
