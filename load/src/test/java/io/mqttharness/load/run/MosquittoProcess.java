package io.mqttharness.load.run;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** mosquitto on a free loopback port for one test; the test is skipped (with the reason) when it is missing. */
final class MosquittoProcess implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final Process process;
    private final int port;

    private MosquittoProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static MosquittoProcess start(Path dir) throws IOException {
        assumeTrue(Files.isExecutable(BINARY), "mosquitto is not installed (" + BINARY
                + " missing): apt-get install mosquitto, as .ci/run does");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path config = dir.resolve("mosquitto.conf");
        Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\n");
        Process process = new ProcessBuilder(BINARY.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        MosquittoProcess mosquitto = new MosquittoProcess(process, port);
        try {
            Awaitility.await("mosquitto listening on " + port).atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50)).until(() -> accepts(port) || !process.isAlive());
        } catch (RuntimeException e) {
            mosquitto.close();
            throw e;
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("mosquitto exited: " + Files.readString(dir.resolve("mosquitto.log")));
        }
        return mosquitto;
    }

    int port() {
        return port;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
