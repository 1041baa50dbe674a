package io.mqttharness.cli;

/**
 * A failure the user can fix, with a message that says what to do. The exception handler prints it as
 * {@code error: <message>} without a stack trace and exits with {@link #exitCode()}.
 */
public final class CliException extends RuntimeException {

    /** Exit code for failures at run time (port in use, unreadable file, broker failure). */
    public static final int RUNTIME_FAILURE = 1;
    /** Exit code for bad input (usage, configuration); the same code picocli uses for usage errors. */
    public static final int BAD_INPUT = 2;

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CliException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
