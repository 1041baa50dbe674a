package io.mqttharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MqttHarnessCliTest {

    @Test
    void version_option_prints_mqtt_harness_and_exits_0() {
        CliRun run = CliRun.run("--version");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).startsWith("mqtt-harness ").contains("Java ");
    }

    @Test
    void help_lists_the_subcommands_and_exits_0() {
        CliRun run = CliRun.run("--help");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("Usage: mqtt-harness").contains("broker").contains("passwd").contains("--verbose");
    }

    @Test
    void no_command_is_a_usage_error_with_exit_code_2() {
        CliRun run = CliRun.run();

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("Missing command").contains("Usage: mqtt-harness");
    }

    @Test
    void unknown_command_is_a_usage_error_with_exit_code_2() {
        CliRun run = CliRun.run("certify-everything");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("certify-everything").contains("Usage:");
    }

    @Test
    void unknown_broker_option_prints_broker_usage_and_exits_2() {
        CliRun run = CliRun.run("broker", "--frobnicate");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("Unknown option: '--frobnicate'").contains("Usage: mqtt-harness broker");
    }

    @Test
    void broker_help_documents_options_and_first_listener_override() {
        CliRun run = CliRun.run("broker", "--help");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("--config=FILE").contains("--port=N").contains("--host=H")
                .contains("first one");
    }

    @Test
    void broker_rejects_port_above_65535_with_exit_code_2() {
        CliRun run = CliRun.run("broker", "--port", "70000");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("70000").contains("0..65535").contains("Usage:");
    }

    @Test
    void broker_rejects_non_numeric_port_with_exit_code_2() {
        CliRun run = CliRun.run("broker", "--port", "http");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("'http' is not an int");
    }

    @Test
    void broker_rejects_empty_host_with_exit_code_2() {
        CliRun run = CliRun.run("broker", "--host", " ");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("empty host");
    }

    @Test
    void broker_with_missing_config_file_prints_error_line_and_exits_2() {
        CliRun run = CliRun.run("broker", "--config", "/nonexistent/mosquitto.conf");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.err).isEqualTo("error: config file not found: /nonexistent/mosquitto.conf" + System.lineSeparator());
    }

    @Test
    void unexpected_failure_prints_one_error_line_without_stack_trace_and_exits_1() {
        CliEnvironment failing = new CliEnvironment(() -> {
            throw new IllegalStateException("signal handling unavailable");
        }, prompt -> new char[0]);

        CliRun run = CliRun.run(failing, "broker", "--port", "0");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.err).startsWith("error: signal handling unavailable").contains("--verbose")
                .doesNotContain("\tat ");
    }

    @Test
    void verbose_shows_the_stack_trace_of_an_unexpected_failure() {
        CliEnvironment failing = new CliEnvironment(() -> {
            throw new IllegalStateException("signal handling unavailable");
        }, prompt -> new char[0]);

        CliRun run = CliRun.run(failing, "broker", "--verbose", "--port", "0");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.err).startsWith("error: signal handling unavailable")
                .contains("java.lang.IllegalStateException").contains("\tat ");
    }

    @Test
    void verbose_is_accepted_before_the_subcommand_too() {
        CliRun run = CliRun.run(CliRun.testEnvironment(new CountDownLatch(0), p -> new char[0]),
                "--verbose", "broker", "--port", "70000");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("0..65535").doesNotContain("Unknown option");
    }

    @AfterEach
    void resetVerboseLogging() {
        // --verbose changes JVM-wide logging state; later tests expect the defaults of logback.xml.
        System.clearProperty(BelowWarnEvaluator.SHOW_ALL_STACK_TRACES_PROPERTY);
        if (LoggerFactory.getLogger("io.mqttharness") instanceof Logger logger) {
            logger.setLevel(Level.INFO);
        }
        if (LoggerFactory.getLogger("io.mqttharness.broker.MqttBroker") instanceof Logger logger) {
            logger.setLevel(Level.WARN);
        }
    }
}
