package io.mqttharness.reports.bench;

/**
 * A bench results file that cannot be used: unreadable, not JSON, not the expected shape. The message is one
 * line that names the file, ready to be printed as {@code error: <message>}.
 */
public final class BenchInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public BenchInputException(String message, Throwable cause) {
        super(message, cause);
    }

    public BenchInputException(String message) {
        super(message);
    }
}
