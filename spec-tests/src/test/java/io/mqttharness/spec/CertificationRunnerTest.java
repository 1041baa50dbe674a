package io.mqttharness.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.client.BrokerUnreachableException;
import io.mqttharness.spec.client.MqttTarget;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificationRunnerTest {
    private static MqttBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = MqttBroker.startLoopback();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void unreachable_broker_fails_fast_with_a_clear_message() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CertificationRequest request = CertificationRequest.builder(MqttTarget.tcp("127.0.0.1", port)).build();
        long start = System.nanoTime();

        assertThatThrownBy(() -> new CertificationRunner().run(request))
                .isInstanceOf(BrokerUnreachableException.class)
                .hasMessageContaining("cannot connect to tcp://127.0.0.1:" + port);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void verdicts_distinguish_failure_observation_not_applicable_and_error(@TempDir Path dir) throws Exception {
        write(dir, "wrong.yaml", """
                id: wrong-expectation
                title: Expects SUBACK where the broker rightly sends PINGRESP
                versions: [5]
                statements: [MQTT-3.12.4-1]
                clients: [c]
                steps:
                  - connect: {}
                  - send: {packet: PINGREQ}
                  - expect: {packet: SUBACK}
                """);
        write(dir, "observation.yaml", """
                id: observed
                title: A SHOULD check that does not hold is an observation
                versions: [5]
                statements: [MQTT-3.12.4-1]
                clients: [c]
                steps:
                  - connect: {}
                  - send: {packet: PINGREQ}
                  - expect: {packet: PINGRESP}
                  - expect: {packet: PINGRESP, timeout: 200ms, observation: true}
                  - disconnect: c
                """);
        write(dir, "na.yaml", """
                id: needs-queueing
                title: Needs a capability the broker lacks
                versions: [5]
                statements: [MQTT-3.12.4-1]
                requires: [queue-qos0-offline]
                clients: [c]
                steps:
                  - connect: {}
                """);
        write(dir, "error.yaml", """
                id: bad-statement
                title: Names a statement that does not exist
                versions: [5]
                statements: [MQTT-9.9.9-9]
                clients: [c]
                steps:
                  - connect: {}
                """);
        CertificationRequest request = CertificationRequest.builder(MqttTarget.tcp("127.0.0.1", broker.port()))
                .includeBuiltIn(false).scenarioDirectory(dir).versions(List.of(MqttVersion.MQTT_5)).build();

        CertificationRun run = new CertificationRunner().run(request);

        Map<String, ScenarioResult> byId = run.scenarios().stream()
                .collect(Collectors.toMap(ScenarioResult::scenarioId, Function.identity()));
        ScenarioResult wrong = byId.get("wrong-expectation");
        assertThat(wrong.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(wrong.message()).contains("step 3 (expect)").contains("expected SUBACK but received PINGRESP");
        assertThat(wrong.renderTrace()).contains("<- PINGRESP").contains("[d0 00]");
        assertThat(byId.get("observed").verdict()).isEqualTo(Verdict.OBSERVATION);
        assertThat(byId.get("observed").observations()).hasSize(1);
        assertThat(byId.get("needs-queueing").verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(byId.get("needs-queueing").message()).contains("queue-qos0-offline");
        assertThat(byId.get("bad-statement").verdict()).isEqualTo(Verdict.ERROR);
        assertThat(run.capabilities().get(MqttVersion.MQTT_5).has("retain")).isTrue();
        assertThat(run.statements()).filteredOn(s -> s.statement().id().equals("MQTT-3.12.4-1"))
                .singleElement().satisfies(s -> assertThat(s.verdict()).isEqualTo(Verdict.FAILED));
        assertThat(run.successful()).isFalse();
    }

    @Test
    void only_patterns_select_by_scenario_or_statement_id() throws Exception {
        CertificationRequest request = CertificationRequest.builder(MqttTarget.tcp("127.0.0.1", broker.port()))
                .only("MQTT-3.12.4-*").versions(List.of(MqttVersion.MQTT_3_1_1)).build();

        CertificationRun run = new CertificationRunner().run(request);

        assertThat(run.scenarios()).extracting(ScenarioResult::scenarioId).containsExactly("ping");
        assertThat(run.scenarios()).allMatch(r -> r.verdict() == Verdict.PASSED);
    }

    private static void write(Path dir, String name, String yaml) throws IOException {
        Files.writeString(dir.resolve(name), yaml);
    }
}
