package io.mqttharness.broker.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A command-line client running in the background, with its output collected as it comes. {@link #close()}
 * kills it (and its children) if it is still alive, so use it in try-with-resources.
 */
final class RunningProcess implements AutoCloseable {
    private final List<String> command;
    private final Process process;
    private final Output stdout = new Output();
    private final Output stderr = new Output();
    private final Thread stdoutPump;
    private final Thread stderrPump;

    private RunningProcess(List<String> command, Process process) {
        this.command = List.copyOf(command);
        this.process = process;
        this.stdoutPump = pump(process.getInputStream(), stdout, "stdout");
        this.stderrPump = pump(process.getErrorStream(), stderr, "stderr");
    }

    /** Starts the command with an empty standard input. */
    static RunningProcess start(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(devNull()))
                    .start();
            return new RunningProcess(command, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
    }

    /** Runs the command to its end, killing it after {@code timeout}. */
    static ProcessResult run(List<String> command, Duration timeout) {
        try (RunningProcess p = start(command)) {
            return p.awaitExit(timeout);
        }
    }

    /**
     * Waits until a line of standard output satisfies {@code condition}; fails with the output so far when
     * the process ends first or the timeout passes.
     */
    void awaitStdoutLine(Predicate<String> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (stdout.toString().lines().anyMatch(condition)) {
                return;
            }
            if (!process.isAlive()) {
                // the output pump may still be behind the process' end
                joinPumps();
                if (stdout.toString().lines().anyMatch(condition)) {
                    return;
                }
                throw new AssertionError("process ended before the expected output:\n" + snapshot().describe());
            }
            try {
                // polling the collected text: a process offers no event for "wrote a line"
                process.waitFor(20, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("expected output did not appear within " + timeout.toMillis() + " ms:\n"
                + snapshot().describe());
    }

    /** Waits for the process to end by itself; after {@code timeout} it is killed and reported as timed out. */
    ProcessResult awaitExit(Duration timeout) {
        boolean exited;
        try {
            exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exited = false;
        }
        if (!exited) {
            kill();
        }
        joinPumps();
        return new ProcessResult(command, exited ? process.exitValue() : -1, !exited, stdout.toString(),
                stderr.toString());
    }

    /** The output so far, without waiting. */
    ProcessResult snapshot() {
        return new ProcessResult(command, process.isAlive() ? -1 : process.exitValue(), false, stdout.toString(),
                stderr.toString());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void joinPumps() {
        try {
            stdoutPump.join(2_000);
            stderrPump.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Thread pump(InputStream in, Output target, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    target.write(buffer, n);
                }
            } catch (IOException e) {
                byte[] note = ("\n<" + name + " read failed: " + e.getMessage() + ">").getBytes(StandardCharsets.UTF_8);
                target.write(note, note.length);
            }
        }, "process-" + name + "-" + command.get(0));
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Bytes collected from one stream; decoded as a whole so that a UTF-8 sequence split by read() survives. */
    private static final class Output {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        synchronized void write(byte[] buffer, int length) {
            bytes.write(buffer, 0, length);
        }

        @Override
        public synchronized String toString() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static java.io.File devNull() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
