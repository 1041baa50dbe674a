package io.mqttharness.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ParseResult;

/** Whether the user asked for {@code --verbose}, and what that changes in logging. */
final class CliVerbosity {

    private CliVerbosity() {
    }

    /** True when --verbose was given at any level of the command line (top-level or subcommand). */
    static boolean isVerbose(ParseResult parseResult) {
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** Switches the harness' own loggers to DEBUG; library loggers stay as logback.xml sets them. */
    static void enableDebugLogging() {
        if (LoggerFactory.getLogger("io.mqttharness") instanceof Logger logger) {
            logger.setLevel(Level.DEBUG);
        }
        // logback.xml quiets this one below the package level; in verbose mode it follows the package again.
        if (LoggerFactory.getLogger("io.mqttharness.broker.MqttBroker") instanceof Logger logger) {
            logger.setLevel(null);
        }
        System.setProperty(BelowWarnEvaluator.SHOW_ALL_STACK_TRACES_PROPERTY, "true");
    }
}
