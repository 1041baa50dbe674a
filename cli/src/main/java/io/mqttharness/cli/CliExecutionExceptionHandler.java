package io.mqttharness.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns any exception a command throws into one {@code error: ...} line and an exit code, so that users
 * never see a raw stack trace unless they ask for it with --verbose.
 */
final class CliExecutionExceptionHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        boolean verbose = CliVerbosity.isVerbose(parseResult);
        PrintWriter err = commandLine.getErr();
        int exitCode;
        if (ex instanceof CliException cli) {
            err.println("error: " + cli.getMessage());
            exitCode = cli.exitCode();
        } else {
            // Not anticipated by the command: still one line, but point at --verbose for the details.
            err.println("error: " + describe(ex));
            if (!verbose) {
                err.println("(run with --verbose to see the stack trace)");
            }
            exitCode = CliException.RUNTIME_FAILURE;
        }
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return exitCode;
    }

    /** The exception's message, or its type when it has none (e.g. a bare NullPointerException). */
    static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getName() : message;
    }
}
