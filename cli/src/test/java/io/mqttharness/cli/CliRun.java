package io.mqttharness.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;

/** Runs the CLI in-process with captured stdout/stderr, for tests. */
final class CliRun {

    final int exitCode;
    final String out;
    final String err;

    private CliRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    /** Runs with a stop signal that is already triggered and a prompt that must not be used. */
    static CliRun run(String... args) {
        return run(testEnvironment(new CountDownLatch(0), prompt -> {
            throw new AssertionError("unexpected password prompt: " + prompt);
        }), args);
    }

    static CliRun run(CliEnvironment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = MqttHarnessCli.commandLine(environment);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exitCode = cmd.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** An environment whose broker stops once {@code stop} is counted down. */
    static CliEnvironment testEnvironment(CountDownLatch stop, PasswordPrompt prompt) {
        return new CliEnvironment(() -> new StopSignal() {
            @Override
            public void awaitStopRequest() throws InterruptedException {
                stop.await();
            }

            @Override
            public void close() {
            }
        }, prompt);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
