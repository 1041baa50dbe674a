package io.mqttharness.broker.security;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real mosquitto broker on a free loopback port, for compatibility checks. Tests are skipped (JUnit
 * assumption) when mosquitto or its clients are not installed.
 */
final class MosquittoProcess implements AutoCloseable {

    static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
    static final Path MOSQUITTO_PUB = Path.of("/usr/bin/mosquitto_pub");
    static final Path MOSQUITTO_PASSWD = Path.of("/usr/bin/mosquitto_passwd");
    private static final long TIMEOUT_SECONDS = 20;

    private final Process process;
    private final Path log;
    final int port;

    private MosquittoProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static void assumeInstalled(Path binary) {
        assumeTrue(Files.isExecutable(binary), binary + " is not installed (apt-get install mosquitto "
                + "mosquitto-clients); skipping the mosquitto compatibility check");
    }

    /**
     * Starts mosquitto with {@code listener PORT 127.0.0.1} followed by {@code configLines} and waits until it
     * accepts connections.
     */
    static MosquittoProcess start(Path dir, String configLines) throws Exception {
        assumeInstalled(MOSQUITTO);
        int port = freePort();
        Path conf = Files.writeString(dir.resolve("mosquitto-" + port + ".conf"), "listener " + port
                + " 127.0.0.1\n" + configLines
                // as root mosquitto would switch to user 'mosquitto', which cannot read the private temp dir
                + ("root".equals(System.getProperty("user.name")) ? "user root\n" : ""));
        Path log = dir.resolve("mosquitto-" + port + ".log");
        Process process = new ProcessBuilder(MOSQUITTO.toString(), "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        MosquittoProcess mosquitto = new MosquittoProcess(process, log, port);
        try {
            mosquitto.awaitListening();
        } catch (Exception | AssertionError e) {
            mosquitto.close();
            throw e;
        }
        return mosquitto;
    }

    /** Runs a command (e.g. mosquitto_pub) to completion and returns its exit code. */
    static int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        return process.exitValue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Polls until mosquitto accepts TCP connections; fails fast if it exits (e.g. rejected a file). */
    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("mosquitto exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
        }
        throw new AssertionError("mosquitto did not listen on port " + port + " within " + TIMEOUT_SECONDS + " s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
