package io.mqttharness.cli;

import java.io.Console;

/** Reads passwords from {@link System#console()}, i.e. only when a user sits at a terminal. */
final class ConsolePasswordPrompt implements PasswordPrompt {

    @Override
    public char[] readPassword(String prompt) {
        Console console = System.console();
        if (console == null) {
            throw new CliException(CliException.RUNTIME_FAILURE,
                    "no console to read the password from (stdin/stdout is not a terminal); "
                            + "pass it on the command line instead: mqtt-harness passwd -b FILE USER PASSWORD");
        }
        char[] password = console.readPassword("%s", prompt);
        if (password == null) {
            throw new CliException(CliException.RUNTIME_FAILURE, "no password entered (end of input)");
        }
        return password;
    }
}
