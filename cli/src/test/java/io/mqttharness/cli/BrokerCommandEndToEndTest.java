package io.mqttharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code mqtt-harness broker} in-process against the real reference broker. */
@Timeout(60)
class BrokerCommandEndToEndTest {

    private static final Pattern LISTENING = Pattern.compile("listening on mqtt://127\\.0\\.0\\.1:(\\d+)");

    @Test
    void broker_serves_mqtt_on_an_ephemeral_port_until_stopped() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        LineQueueWriter out = new LineQueueWriter();
        LineQueueWriter err = new LineQueueWriter();
        CommandLine cmd = MqttHarnessCli.commandLine(CliRun.testEnvironment(stop, prompt -> new char[0]));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cmd.execute("broker", "--port", "0"));
        exit.whenComplete((code, failure) -> out.end());
        try {
            String first = out.nextLine(20);
            assertThat(first).as("first line; stderr: %s", err.text()).isNotNull();
            Matcher m = LISTENING.matcher(first);
            assertThat(m.matches()).as("first line: %s", first).isTrue();
            int port = Integer.parseInt(m.group(1));
            assertThat(port).isPositive();

            assertThat(connack(port)).containsExactly(0x20, 0x02, 0x00, 0x00);
        } finally {
            stop.countDown();
        }

        assertThat(exit.get(20, TimeUnit.SECONDS)).as("exit code; stderr: %s", err.text()).isZero();
        assertThat(out.text()).contains("broker stopped");
        assertThat(err.text()).doesNotContain("error");
    }

    @Test
    void port_in_use_prints_a_clear_error_and_exits_1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.run("broker", "--host", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()));

            assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
            assertThat(run.err).startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .containsIgnoringCase("address already in use").contains("--port").doesNotContain("\tat ");
            assertThat(run.out).doesNotContain("listening on");
        }
    }

    @Test
    void bad_config_file_prints_file_and_line_and_exits_2(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("broken.conf");
        Files.writeString(config, "# a comment\nlistener 1883\nallow_anonymous maybe\n");

        CliRun run = CliRun.run("broker", "--config", config.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.err).startsWith("error: ").contains("broken.conf:3: ").contains("allow_anonymous")
                .doesNotContain("\tat ");
        assertThat(run.err.lines().count()).as(run.err).isEqualTo(1);
    }

    /** Sends a minimal MQTT 3.1.1 CONNECT and returns the 4 bytes of the CONNACK. */
    private static int[] connack(int port) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(10_000);
            byte[] clientId = "cli-e2e".getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {
                0x10, (byte) (10 + 2 + clientId.length), // CONNECT, remaining length
                0x00, 0x04, 'M', 'Q', 'T', 'T',           // protocol name
                0x04,                                     // protocol level 4 = 3.1.1
                0x02,                                     // connect flags: clean session
                0x00, 0x3C,                               // keep alive 60 s
                0x00, (byte) clientId.length              // client id length
            });
            out.write(clientId);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int[] bytes = new int[4];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = in.readUnsignedByte();
            }
            return bytes;
        }
    }
}
