package io.mqttharness.broker.interop;

import java.util.List;

/**
 * How a command-line client ended.
 *
 * @param command the command line, for messages
 * @param exitCode process exit code; -1 when it had to be killed
 * @param timedOut whether the process was killed because it outlived its time limit
 * @param stdout everything it wrote to standard output
 * @param stderr everything it wrote to standard error
 */
record ProcessResult(List<String> command, int exitCode, boolean timedOut, String stdout, String stderr) {

    /** Output lines that are not mosquitto's {@code -d} debug lines, i.e. the received payloads. */
    List<String> payloadLines() {
        return stdout.lines()
                .filter(line -> !line.startsWith("Client ") && !line.startsWith("Subscribed (mid"))
                .toList();
    }

    /** The whole story, for assertion messages. */
    String describe() {
        return String.join(" ", command) + "\n  exit=" + exitCode + (timedOut ? " (killed after timeout)" : "")
                + "\n  stdout:\n" + indent(stdout) + "\n  stderr:\n" + indent(stderr);
    }

    private static String indent(String text) {
        return text.lines().map(line -> "    " + line).reduce((a, b) -> a + "\n" + b).orElse("    <empty>");
    }
}
