package io.mqttharness.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.cli.CliEnvironment;
import io.mqttharness.cli.MqttHarnessCli;
import io.mqttharness.spec.fuzz.PingHangingStubBroker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FuzzCommandTest {
    @TempDir
    Path dir;

    @Test
    void fuzzing_the_embedded_broker_for_two_seconds_finds_nothing_and_counts_executions() {
        Run run = run("fuzz", "--duration", "2s", "--seed", "7", "--out", dir.resolve("out").toString());

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("fuzzing embedded with MQTT 5 sessions for 2s (seed 7)");
        Matcher done = Pattern.compile(
                "done: ([\\d,]+) executions .*\\(([\\d]+)/s\\), ([\\d,]+) connections, 0 finding").matcher(run.out);
        assertThat(done.find()).as(run.out).isTrue();
        assertThat(Long.parseLong(done.group(1).replace(",", ""))).isGreaterThan(10);
        assertThat(Files.exists(dir.resolve("out"))).isFalse(); // nothing to reproduce, nothing written
    }

    @Test
    void a_hanging_broker_is_detected_and_its_reproducer_replays_with_certify() throws Exception {
        Path out = dir.resolve("repro");
        Run fuzz;
        try (PingHangingStubBroker stub = new PingHangingStubBroker()) {
            fuzz = run("fuzz", "--target", "tcp://127.0.0.1:" + stub.port(), "--mqtt", "3.1.1", "--duration", "60s",
                    "--ping-timeout", "1s", "--seed", "42", "--out", out.toString());
            assertThat(stub.hung()).isTrue();
        }
        assertThat(fuzz.exitCode).as(fuzz.toString()).isEqualTo(FuzzCommand.FINDING);
        assertThat(fuzz.out).contains("finding: no PINGRESP within 1000 ms").contains("replay: mqtt-harness certify");
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.sorted().toList();
        }
        assertThat(files).hasSize(2);
        Path full = files.stream().filter(f -> f.toString().endsWith("-full.yaml")).findFirst().orElseThrow();
        String yaml = Files.readString(full);
        // the killer byte, as a packet's first byte or inside one where a corrupted length shifts the framing
        assertThat(yaml).containsPattern("raw: \"[^\"]*36");
        String id = full.getFileName().toString().replace(".yaml", "");

        try (PingHangingStubBroker fresh = new PingHangingStubBroker()) {
            Run replay = run("certify", "--target", "tcp://127.0.0.1:" + fresh.port(), "--mqtt", "3.1.1",
                    "--scenarios", out.toString(), "--only", id, "--report-dir", dir.resolve("r1").toString(),
                    "--progress", "none");
            assertThat(replay.exitCode).as(replay.toString()).isEqualTo(1);
            assertThat(replay.out).contains(id);
            assertThat(fresh.hung()).isTrue();
        }
        Run healthy = run("certify", "--mqtt", "3.1.1", "--scenarios", out.toString(), "--only", id,
                "--report-dir", dir.resolve("r2").toString(), "--progress", "none");
        assertThat(healthy.exitCode).as(healthy.toString()).isZero();
    }

    @Test
    void bad_options_exit_with_2() {
        assertThat(run("fuzz", "--mqtt", "4.0").exitCode).isEqualTo(2);
        assertThat(run("fuzz", "--duration", "soon").err).contains("error: --duration: 'soon' is not a duration");
        assertThat(run("fuzz", "--target", "ws://localhost:8080/mqtt").err).contains("plain TCP only");
        assertThat(run("fuzz", "--target", "ws://localhost:8080/mqtt").exitCode).isEqualTo(2);
    }

    @Test
    void an_unreachable_target_exits_with_3() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Run run = run("fuzz", "--target", "127.0.0.1:" + closedPort, "--duration", "1s", "--ping-timeout", "1s",
                "--out", dir.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(FuzzCommand.UNREACHABLE);
        assertThat(run.err)
                .startsWith("error: cannot reach the broker: cannot connect to tcp://127.0.0.1:" + closedPort);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = MqttHarnessCli.commandLine(new CliEnvironment());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exitCode = cmd.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }
}
