package io.mqttharness.broker.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@link PersistentBrokerMain} in a separate JVM on the test classpath, so that it can be killed with -9. */
public final class ChildBroker implements AutoCloseable {
    private static final long START_TIMEOUT_SECONDS = 30;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer output = new StringBuffer();
    private final int port;

    private ChildBroker(Path dir, boolean fsync) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                PersistentBrokerMain.class.getName(), dir.toString(), Boolean.toString(fsync));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        Thread pump = new Thread(this::pump, "child-broker-output");
        pump.setDaemon(true);
        pump.start();
        port = awaitPort();
    }

    public static ChildBroker start(Path dir, boolean fsync) {
        return new ChildBroker(dir, fsync);
    }

    public int port() {
        return port;
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                output.append(line).append('\n');
                lines.add(line);
            }
        } catch (IOException ignored) {
            // the process died: its output ends here
        }
    }

    private int awaitPort() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        try {
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith("PORT=")) {
                    return Integer.parseInt(line.substring(5).trim());
                }
                if (line == null && !process.isAlive()) {
                    throw new AssertionError("child broker exited with " + process.exitValue() + ":\n" + output);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        throw new AssertionError("child broker did not report its port in time:\n" + output);
    }

    /** Sends kill -9 without waiting for the process to end. */
    public void killNow() {
        process.destroyForcibly();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9 and wait for the end: no shutdown hook, no final flush. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError("child broker did not die after kill -9");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String output() {
        return output.toString();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
