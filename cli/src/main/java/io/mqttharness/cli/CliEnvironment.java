package io.mqttharness.cli;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the commands need from the world outside the JVM's arguments: how a running broker learns that it
 * must stop, and how passwords are read. The default uses shutdown hooks and the console; tests replace
 * both.
 *
 * @param stopSignals makes a fresh stop signal each time a long-running command starts
 * @param passwordPrompt reads passwords interactively
 */
public record CliEnvironment(Supplier<StopSignal> stopSignals, PasswordPrompt passwordPrompt) {

    public CliEnvironment {
        Objects.requireNonNull(stopSignals, "stopSignals");
        Objects.requireNonNull(passwordPrompt, "passwordPrompt");
    }

    /** The real environment: Ctrl-C / SIGTERM stop the broker, passwords come from the console. */
    public CliEnvironment() {
        this(ShutdownHookStopSignal::new, new ConsolePasswordPrompt());
    }
}
