package io.mqttharness.spec.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.CertificationRequest;
import io.mqttharness.spec.CertificationRun;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import io.mqttharness.spec.client.MqttTarget;
import io.mqttharness.spec.statement.StatementResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class IsolatedScenariosTest {
    /** Fails on every correct broker: stands for a scenario that breaks the broker under test. */
    private static final String BREAKER = """
            id: zz-breaker
            title: Expects a refused SUBACK where the broker grants it (fails on purpose)
            versions: [3.1.1, 5]
            statements: [MQTT-3.8.4-1]
            clients: [c]
            steps:
              - connect: {client: c}
              - send: {client: c, packet: SUBSCRIBE, packet_id: 7, subscriptions: [{filter: "${topic}/x", qos: 0}]}
              - expect: {client: c, packet: SUBACK, packet_id: 7, reason_codes: [0x80]}
              - disconnect: c
            """;
    private static final String BASELINE = """
            broker: test
            deviations:
              - scenario: zz-breaker
                statement: MQTT-3.8.4-1
                reason: stands for a scenario that leaves the broker broken
                isolate: true
            """;

    @TempDir
    Path tmp;

    @Test
    @Timeout(60)
    void isolated_scenarios_run_after_all_others_and_say_so() throws Exception {
        Files.writeString(tmp.resolve("breaker.yaml"), BREAKER);
        List<ScenarioResult> order = Collections.synchronizedList(new ArrayList<>());
        Baseline baseline = Baseline.parse(BASELINE, "test baseline");
        try (MqttBroker broker = MqttBroker.startLoopback()) {
            CertificationRequest request = CertificationRequest.builder(MqttTarget.tcp("127.0.0.1", broker.port()))
                    .only("connect-clean-success").only("ping").only("zz-*").scenarioDirectory(tmp)
                    .parallelism(8).listener(order::add).build();

            assertThat(IsolatedScenarios.selectedBy(request, baseline)).containsExactly("zz-breaker");
            CertificationRun run = IsolatedScenarios.runLast(request, baseline);

            assertThat(order).hasSize(6);
            assertThat(order.subList(4, 6)).extracting(ScenarioResult::scenarioId).containsOnly("zz-breaker");
            assertThat(order.subList(0, 4)).extracting(ScenarioResult::scenarioId).doesNotContain("zz-breaker");
            assertThat(run.scenarios()).hasSize(6).extracting(ScenarioResult::scenarioId)
                    .containsSubsequence("connect-clean-success", "ping", "zz-breaker");
            assertThat(run.scenarios()).filteredOn(r -> r.scenarioId().equals("zz-breaker")).allSatisfy(r -> {
                assertThat(r.verdict()).isEqualTo(Verdict.FAILED);
                assertThat(r.message()).startsWith(IsolatedScenarios.RUN_LAST_NOTE + ": ");
            });
            assertThat(run.scenarios()).filteredOn(r -> r.scenarioId().equals("ping"))
                    .allSatisfy(r -> assertThat(r.message()).isNull());
            assertThat(run.statements()).filteredOn(s -> s.statement().id().equals("MQTT-3.8.4-1"))
                    .extracting(StatementResult::verdict).containsOnly(Verdict.FAILED);
            assertThat(BaselineComparison.compare(baseline, run).matches()).isTrue();
        }
    }

    @Test
    void isolation_applies_only_to_selected_scenarios_and_certified_versions() {
        Baseline baseline = Baseline.parse("""
                deviations:
                  - scenario: ping
                    version: "5"
                    statement: MQTT-3.12.4-1
                    reason: breaks the broker under 5 only
                    isolate: true
                  - scenario: connect-clean-success
                    statement: MQTT-3.2.0-1
                    reason: not selected below
                    isolate: true
                """, "test");
        CertificationRequest.Builder base = CertificationRequest.builder(MqttTarget.tcp("127.0.0.1", 1)).only("ping");

        assertThat(IsolatedScenarios.selectedBy(base.versions(List.of(MqttVersion.MQTT_5)).build(), baseline))
                .containsExactly("ping");
        assertThat(IsolatedScenarios.selectedBy(base.versions(List.of(MqttVersion.MQTT_3_1_1)).build(), baseline))
                .isEmpty();
    }
}
