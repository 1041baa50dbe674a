package io.mqttharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code mqtt-harness load}: exit codes, errors, and short runs against the embedded reference broker. */
class LoadCommandTest {

    @Test
    void bad_assertion_text_is_a_usage_error_that_says_what_is_expected() {
        CliRun run = CliRun.run("load", "--assert", "p99<50");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("error: invalid load options: assertion 'p99<50' needs a unit: us, ms or s");
    }

    @Test
    void unknown_metric_scenario_rate_duration_and_scheme_are_usage_errors() {
        assertThat(CliRun.run("load", "--assert", "latency<5ms").err).contains("unknown metric 'latency'");
        assertThat(CliRun.run("load", "--scenario", "storm").err)
                .contains("unknown load scenario 'storm'; known: sensor-fleet, fan-in, fan-out, connection-storm, "
                        + "offline-backlog");
        CliRun rate = CliRun.run("load", "--rate", "fast");
        assertThat(rate.exitCode).isEqualTo(2);
        assertThat(rate.err).contains("Invalid value for option '--rate': 'fast' (expected a rate such as 1/s");
        assertThat(CliRun.run("load", "--duration", "1 week").err)
                .contains("Invalid value for option '--duration': '1 week'");
        CliRun scheme = CliRun.run("load", "--target", "http://localhost:1883");
        assertThat(scheme.exitCode).isEqualTo(2);
        assertThat(scheme.err).contains("unknown scheme 'http'");
        assertThat(CliRun.run("load", "--qos", "3").err).contains("qos must be 0, 1 or 2, got 3");
        CliRun backlog = CliRun.run("load", "--scenario", "offline-backlog", "--qos", "0");
        assertThat(backlog.exitCode).isEqualTo(2);
        assertThat(backlog.err).contains("offline-backlog needs QoS 1 or 2");
    }

    @Test
    void too_many_sockets_for_the_file_descriptor_limit_is_a_usage_error() {
        CliRun run = CliRun.run("load", "--sensors", "1000000");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("file descriptors, but the limit is");
    }

    @Test
    @Timeout(20)
    void an_unreachable_target_fails_within_seconds_with_exit_code_3(@TempDir Path dir) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        long start = System.nanoTime();

        CliRun run = CliRun.run("load", "--target", "tcp://127.0.0.1:" + closedPort, "--report-dir", dir.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
        assertThat(run.err).contains("error: cannot reach the broker at tcp://127.0.0.1:" + closedPort);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    @Timeout(60)
    void embedded_run_passes_its_assertions_and_writes_the_reports(@TempDir Path dir) {
        CliRun run = CliRun.run("load", "--sensors", "20", "--rate", "5/s", "--duration", "2s", "--ramp", "0s",
                "--subscribers", "2", "--progress", "plain", "--report-dir", dir.toString(),
                "--assert", "p99<5s,duplicates=0,outoforder=0");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.err).contains("load: sensor-fleet against tcp://127.0.0.1:", "(embedded reference broker), MQTT 5: "
                + "20 sensors x 5 msg/s, 2 subscribers, QoS 1, 2s (ramp 0s)", "load:  ").doesNotContain("Exception");
        assertThat(run.out).contains("messages   published 200  received 400  lost 0  duplicates 0",
                "PASS  p99<5s", "PASS  loss=0: actual 0", "gatling/", "index.html");
        assertThat(dir.resolve("load-summary.json")).exists();
        assertThat(dir.resolve("e2e-latency.hgrm")).exists();
    }

    @Test
    @Timeout(60)
    void no_gatling_report_writes_our_summary_but_no_simulation_log_or_html(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.run("load", "--sensors", "10", "--rate", "5/s", "--duration", "2s", "--ramp", "0s",
                "--progress", "none", "--no-gatling-report", "--report-dir", dir.toString(), "--assert", "loss=0");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("messages   published 100  received 100  lost 0").doesNotContain("index.html");
        assertThat(dir.resolve("load-summary.json")).exists();
        assertThat(dir.resolve("e2e-latency.hgrm")).exists();
        try (var files = java.nio.file.Files.walk(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .doesNotContain("simulation.log", "index.html");
        }
    }

    @Test
    @Timeout(60)
    void a_failed_assertion_exits_with_1_and_says_which(@TempDir Path dir) {
        CliRun run = CliRun.run("load", "--sensors", "5", "--rate", "5/s", "--duration", "1s", "--ramp", "0",
                "--mqtt", "3.1.1", "--qos", "0", "--progress", "none", "--report-dir", dir.toString(),
                "--assert", "p99<1us", "--assert", "rate>=1");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains("FAIL  p99<1us: actual", "PASS  rate>=1: actual");
    }
}
