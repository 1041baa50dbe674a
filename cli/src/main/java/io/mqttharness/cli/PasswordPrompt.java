package io.mqttharness.cli;

/** Reads a secret typed by the user, without echoing it. */
@FunctionalInterface
public interface PasswordPrompt {

    /**
     * Shows {@code prompt} and reads one line without echo.
     *
     * @throws CliException when there is no terminal to read from or input ended
     */
    char[] readPassword(String prompt);
}
