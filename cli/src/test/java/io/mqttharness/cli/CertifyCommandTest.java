package io.mqttharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqttharness.broker.MqttBroker;
import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.ListenerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code mqtt-harness certify} end to end, in-process, against the embedded reference broker. */
class CertifyCommandTest {
    /** Expects a refused subscription where every correct broker grants it: fails on the reference broker. */
    private static final String FAILING_SCENARIO = """
            id: zz-deliberately-failing
            title: Expects a refused SUBACK where the broker grants the subscription (fails on purpose)
            versions: [3.1.1, 5]
            statements: [MQTT-3.8.4-1]
            clients: [c]
            steps:
              - connect: {client: c}
              - send: {client: c, packet: SUBSCRIBE, packet_id: 7, subscriptions: [{filter: "${topic}/x", qos: 0}]}
              - expect: {client: c, packet: SUBACK, packet_id: 7, reason_codes: [0x80]}
              - disconnect: c
            """;

    @TempDir
    Path tmp;

    @Test
    void certify_embedded_broker_with_a_few_scenarios_exits_0_and_writes_every_report() throws Exception {
        Path reports = tmp.resolve("reports");

        CliRun run = CliRun.run("certify", "--only", "connect-clean-success,ping", "--report-dir", reports.toString(),
                "--progress", "plain");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("MQTT conformance of mqtt-harness reference broker")
                .contains("MQTT 3.1.1  scenarios: 2 passed, 0 failed").contains("MQTT 5      scenarios: 2 passed")
                .contains("Result: PASSED");
        assertThat(run.err).contains("certify: ").contains("4/4 (100%)").doesNotContain("\tat ");
        for (String file : List.of("report.html", "report.md", "junit.xml", "summary.json")) {
            assertThat(reports.resolve(file)).isRegularFile();
        }
        assertThat(testcaseNames(junit(reports))).containsExactly(
                "[3.1.1] connect-clean-success MQTT-3.2.0-1 MQTT-3.1.4-4 MQTT-3.2.2-1",
                "[3.1.1] ping MQTT-3.12.4-1",
                "[5] connect-clean-success MQTT-3.2.0-1 MQTT-3.1.4-5 MQTT-3.2.2-2",
                "[5] ping MQTT-3.12.4-1");
        JsonNode summary = new ObjectMapper().readTree(reports.resolve("summary.json").toFile());
        assertThat(summary.get("result").asText()).isEqualTo("PASSED");
        assertThat(summary.at("/scenarios/counts/PASSED").asInt()).isEqualTo(4);
        assertThat(summary.at("/broker/capabilities/5/accepted").asBoolean()).isTrue();
    }

    @Test
    void certify_against_a_port_where_nothing_listens_fails_fast_with_exit_3() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        long start = System.nanoTime();

        CliRun run = CliRun.run("certify", "--target", "tcp://127.0.0.1:" + port, "--report-dir",
                tmp.resolve("r").toString(), "--progress", "none");

        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
        assertThat(run.err).contains("error: cannot reach the broker: cannot connect to tcp://127.0.0.1:" + port)
                .doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(seconds).as("seconds until the error").isLessThan(15);
        assertThat(tmp.resolve("r")).doesNotExist();
    }

    @Test
    void failing_user_scenario_exits_1_and_is_a_failure_in_junit_xml() throws Exception {
        Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
        Files.writeString(scenarios.resolve("failing.yaml"), FAILING_SCENARIO);
        Path reports = tmp.resolve("reports");

        CliRun run = CliRun.run("certify", "--scenarios", scenarios.toString(), "--only", "zz-*", "--mqtt", "5",
                "--report-dir", reports.toString(), "--progress", "none");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains("Failures (1):\n  [5] zz-deliberately-failing (MQTT-3.8.4-1): step 3 (expect)")
                .contains("Result: FAILED");
        Document junit = junit(reports);
        NodeList failures = junit.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(1);
        Element failure = (Element) failures.item(0);
        assertThat(((Element) failure.getParentNode()).getAttribute("name"))
                .isEqualTo("[5] zz-deliberately-failing MQTT-3.8.4-1");
        assertThat(failure.getAttribute("message")).contains("expected SUBACK");
        assertThat(failure.getTextContent()).contains("SUBSCRIBE").contains("SUBACK").contains("trace:");
    }

    @Test
    void failing_scenario_listed_in_the_baseline_exits_0() throws Exception {
        Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
        Files.writeString(scenarios.resolve("failing.yaml"), FAILING_SCENARIO);
        Path baseline = Files.writeString(tmp.resolve("baseline.yaml"), """
                broker: reference broker with a wrong scenario
                deviations:
                  - scenario: zz-deliberately-failing
                    statement: MQTT-3.8.4-1
                    reason: the scenario expects a refusal on purpose
                """);

        CliRun run = CliRun.run("certify", "--scenarios", scenarios.toString(), "--only", "zz-*", "--baseline",
                baseline.toString(), "--report-dir", tmp.resolve("r").toString(), "--progress", "none");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("2 known deviation(s), 0 difference(s)").contains("Result: MATCHES BASELINE");
    }

    @Test
    void new_failure_is_re_run_alone_and_stays_a_failure_when_it_repeats() throws Exception {
        Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
        Files.writeString(scenarios.resolve("failing.yaml"), FAILING_SCENARIO);
        Path baseline = Files.writeString(tmp.resolve("baseline.yaml"), "deviations: []\n");
        Path reports = tmp.resolve("r");

        CliRun run = CliRun.run("certify", "--scenarios", scenarios.toString(), "--only", "zz-*", "--mqtt", "5",
                "--baseline", baseline.toString(), "--report-dir", reports.toString(), "--progress", "none");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.err).contains("confirm: re-running 1 new failure(s) alone: zz-deliberately-failing");
        assertThat(run.out).doesNotContain("INTERMITTENT");
        JsonNode summary = new ObjectMapper().readTree(reports.resolve("summary.json").toFile());
        assertThat(summary.toString()).contains(
                "failed again when re-run alone after the other scenarios, on the same broker; step 3 (expect)");
    }

    @Test
    void baseline_that_expects_a_failure_of_a_passing_scenario_exits_1() throws Exception {
        Path baseline = Files.writeString(tmp.resolve("baseline.yaml"), """
                deviations:
                  - scenario: ping
                    version: "5"
                    statement: MQTT-3.12.4-1
                    reason: pretend the broker does not answer PINGREQ
                """);

        CliRun run = CliRun.run("certify", "--only", "ping", "--mqtt", "5", "--baseline", baseline.toString(),
                "--report-dir", tmp.resolve("r").toString(), "--progress", "none");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains("FIXED").contains("Result: DIFFERS FROM BASELINE");
    }

    @Test
    void certifies_a_broker_over_websocket() {
        BrokerConfig config = BrokerConfig.builder()
                .listener(new ListenerConfig("127.0.0.1", 0, ListenerConfig.Protocol.WEBSOCKETS, "/mqtt", null))
                .build();
        try (MqttBroker broker = MqttBroker.start(config)) {
            CliRun run = CliRun.run("certify", "--target", "ws://127.0.0.1:" + broker.port() + "/mqtt",
                    "--only", "connect-clean-success,ping", "--report-dir", tmp.resolve("ws").toString());

            assertThat(run.exitCode).as(run.toString()).isZero();
            assertThat(run.out).contains("MQTT 5      scenarios: 2 passed, 0 failed");
            assertThat(tmp.resolve("ws").resolve("junit.xml")).exists();
        }
    }

    @Test
    void bad_options_and_missing_files_exit_2_with_a_message() {
        assertThat(CliRun.run("certify", "--mqtt", "4.0")).satisfies(r -> {
            assertThat(r.exitCode).isEqualTo(2);
            assertThat(r.err).contains("--mqtt").contains("expected 3.1.1, 5 or all");
        });
        assertThat(CliRun.run("certify", "--scenarios", tmp.resolve("missing").toString())).satisfies(r -> {
            assertThat(r.exitCode).isEqualTo(2);
            assertThat(r.err).contains("error: --scenarios").contains("no such directory");
        });
        assertThat(CliRun.run("certify", "--baseline", tmp.resolve("missing.yaml").toString())).satisfies(r -> {
            assertThat(r.exitCode).isEqualTo(2);
            assertThat(r.err).contains("error: --baseline").contains("no such file");
        });
        assertThat(CliRun.run("certify", "--only", "no-such-scenario-*")).satisfies(r -> {
            assertThat(r.exitCode).isEqualTo(2);
            assertThat(r.err).contains("no scenario matches --only no-such-scenario-*");
        });
        assertThat(CliRun.run("certify", "--parallelism", "0")).satisfies(r -> {
            assertThat(r.exitCode).isEqualTo(2);
            assertThat(r.err).contains("--parallelism");
        });
    }

    @Test
    void broken_profile_exits_2_naming_the_file() throws IOException {
        Path profile = Files.writeString(tmp.resolve("profile.yaml"), "capabilities:\n  teleportation: true\n");

        CliRun run = CliRun.run("certify", "--profile", profile.toString(), "--only", "ping");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("error: " + profile).contains("unknown capability 'teleportation'");
    }

    @Test
    void help_documents_the_exit_codes() {
        CliRun run = CliRun.run("certify", "--help");

        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("--target=URL").contains("--baseline=FILE").contains("--report-dir=DIR")
                .contains("0  no scenario failed").contains("1  a scenario failed").contains("2  bad options")
                .contains("3  the target cannot be reached");
    }

    private static Document junit(Path reports) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(reports.resolve("junit.xml").toFile());
    }

    private static List<String> testcaseNames(Document doc) {
        NodeList cases = doc.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        return names;
    }
}
