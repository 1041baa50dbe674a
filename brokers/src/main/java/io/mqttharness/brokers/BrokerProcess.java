package io.mqttharness.brokers;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A broker running as a child process: started with its output in a log file, awaited until its port accepts
 * connections (bounded), and stopped on {@link #close()} or, should this JVM exit first, by a shutdown hook.
 * The Java launchers also stop when their standard input closes, so even a killed harness leaves no broker behind.
 */
final class BrokerProcess implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /** Attempts with a fresh port when a broker loses the race for the port it was given. */
    private static final int PORT_ATTEMPTS = 3;

    private final String name;
    private final Process process;
    private final Path log;
    private final Thread shutdownHook;

    private BrokerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.shutdownHook = new Thread(process::destroyForcibly, name + "-killer");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts {@code command} in {@code workDir}; stdout and stderr go to {@code log}. */
    static BrokerProcess start(String name, List<String> command, Path workDir, Path log) throws IOException {
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new BrokerProcess(name, p, log);
    }

    /** Starts a broker on a free loopback port, retrying with another port if it does not come up. */
    static <B> B startOnFreePort(IntFunction<B> starter) {
        BrokerStartException last = null;
        for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
            try {
                return starter.apply(FreePort.pick());
            } catch (BrokerStartException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * Waits until {@code host:port} accepts a TCP connection.
     *
     * @throws BrokerStartException when the process exits first or the timeout passes; the message has the log
     */
    void awaitPort(String host, int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new BrokerStartException(name + " exited with code " + process.exitValue()
                        + " before accepting connections on " + host + ":" + port + "\n" + logTail());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), (int) POLL.toMillis());
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new BrokerStartException(name + " did not accept connections on " + host + ":" + port
                            + " within " + timeout.toSeconds() + " s\n" + logTail());
                }
            }
            // the port cannot be awaited as an event: poll, bounded by the deadline
            Thread.sleep(POLL.toMillis());
        }
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return log;
    }

    /** The last lines of the broker's log. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            int from = Math.max(0, lines.size() - 40);
            return "--- " + name + " log (" + log + ", last " + (lines.size() - from) + " lines) ---\n"
                    + String.join("\n", lines.subList(from, lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Closes stdin (launchers stop cleanly on that), then terminates, then kills, each step bounded. */
    @Override
    public void close() {
        try {
            closeQuietly(process.getOutputStream());
            if (!process.waitFor(STOP_TIMEOUT.toMillis() / 2, TimeUnit.MILLISECONDS)) {
                process.destroy();
                if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // the process is being stopped anyway
        }
    }
}
