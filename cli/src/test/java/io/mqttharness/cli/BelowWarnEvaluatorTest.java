package io.mqttharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BelowWarnEvaluatorTest {

    private final BelowWarnEvaluator evaluator = new BelowWarnEvaluator();

    @AfterEach
    void clearProperty() {
        System.clearProperty(BelowWarnEvaluator.SHOW_ALL_STACK_TRACES_PROPERTY);
    }

    @Test
    void stack_traces_are_omitted_below_warn() {
        assertThat(evaluator.evaluate(event(Level.INFO))).isTrue();
        assertThat(evaluator.evaluate(event(Level.DEBUG))).isTrue();
    }

    @Test
    void stack_traces_are_kept_for_warn_and_error() {
        assertThat(evaluator.evaluate(event(Level.WARN))).isFalse();
        assertThat(evaluator.evaluate(event(Level.ERROR))).isFalse();
    }

    @Test
    void verbose_mode_keeps_every_stack_trace() {
        System.setProperty(BelowWarnEvaluator.SHOW_ALL_STACK_TRACES_PROPERTY, "true");

        assertThat(evaluator.evaluate(event(Level.INFO))).isFalse();
    }

    private static LoggingEvent event(Level level) {
        LoggerContext context = new LoggerContext();
        return new LoggingEvent("test", context.getLogger("io.mqttharness.test"), level, "message",
                new IllegalStateException("boom"), null);
    }
}
