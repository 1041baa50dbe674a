package io.mqttharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code mqtt-harness broker} as a separate JVM and stops it with SIGTERM, as a service manager or
 * {@code kill} would, to check the shutdown-hook path that the in-process tests replace.
 */
@Timeout(90)
class BrokerProcessSignalTest {

    private static final Pattern LISTENING = Pattern.compile("listening on mqtt://127\\.0\\.0\\.1:(\\d+)");

    @Test
    void sigterm_stops_the_broker_cleanly(@TempDir Path dir) throws Exception {
        Path stderr = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                MqttHarnessCli.class.getName(), "broker", "--port", "0")
                .redirectError(stderr.toFile())
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readLines(process, lines), "broker-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            String first = lines.poll(60, TimeUnit.SECONDS);
            assertThat(first).as("first line; stderr: %s", Files.readString(stderr)).isNotNull();
            Matcher m = LISTENING.matcher(first);
            assertThat(m.matches()).as(first).isTrue();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(m.group(1)))) {
                assertThat(socket.isConnected()).isTrue();
            }

            // SIGTERM; unlike Process.destroy() this leaves the pipes open, so the last lines can still be read.
            assertThat(process.toHandle().destroy()).isTrue();

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("process exited").isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(process.exitValue()).isEqualTo(128 + 15);
            assertThat(lines).as("stdout after the first line; stderr: %s", Files.readString(stderr))
                    .contains("broker stopped");
            assertThat(Files.readString(stderr)).doesNotContain("Exception");
        } finally {
            process.destroyForcibly();
        }
    }

    private static void readLines(Process process, BlockingQueue<String> lines) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
