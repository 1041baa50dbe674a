package io.mqttharness.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.boolex.EventEvaluatorBase;

/**
 * Logback evaluator used by the console pattern in {@code logback.xml}: a {@code true} result makes
 * logback omit the stack trace. Events below WARN are routine (a client that sent garbage, a closed
 * connection) and their stack traces would bury the useful lines, so they only show with --verbose.
 */
public final class BelowWarnEvaluator extends EventEvaluatorBase<ILoggingEvent> {

    /** System property set by --verbose to show every stack trace. */
    static final String SHOW_ALL_STACK_TRACES_PROPERTY = "mqtt-harness.stacktraces";

    @Override
    public boolean evaluate(ILoggingEvent event) {
        if (Boolean.getBoolean(SHOW_ALL_STACK_TRACES_PROPERTY)) {
            return false;
        }
        return !event.getLevel().isGreaterOrEqual(Level.WARN);
    }
}
