package io.mqttharness.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.client.MqttTarget;
import io.mqttharness.spec.scenario.ScenarioSyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assume: true} steps: an allowed broker choice that the scenario cannot judge makes it NOT_APPLICABLE. */
class AssumeStepTest {
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
    void unmet_assumption_is_not_applicable_with_the_mismatch_as_reason(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("assume.yaml"), """
                id: assumes-qos0-grant
                title: Assumes a grant the broker does not make
                versions: [5]
                statements: [MQTT-3.12.4-1]
                clients: [c]
                steps:
                  - connect: {}
                  - send: {packet: SUBSCRIBE, subscriptions: [{filter: "${topic}/a", qos: 1}]}
                  - expect: {packet: SUBACK, reason_codes: [0], assume: true}
                  - expect: {packet: PINGRESP, timeout: 200ms}
                """);

        ScenarioResult r = run(dir);

        assertThat(r.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(r.message()).startsWith("assumption not met: step 3 (expect)").contains("reason_codes");
        assertThat(r.renderTrace()).contains("assumption not met");
    }

    @Test
    void met_assumption_lets_the_scenario_go_on_and_fail_on_a_real_mismatch(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("assume.yaml"), """
                id: assumes-qos1-grant
                title: Assumes the grant the broker makes, then expects something wrong
                versions: [5]
                statements: [MQTT-3.12.4-1]
                clients: [c]
                steps:
                  - connect: {}
                  - send: {packet: SUBSCRIBE, subscriptions: [{filter: "${topic}/a", qos: 1}]}
                  - expect: {packet: SUBACK, reason_codes: [1], assume: true}
                  - expect: {packet: PINGRESP, timeout: 200ms}
                """);

        ScenarioResult r = run(dir);

        assertThat(r.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(r.message()).startsWith("step 4 (expect)");
    }

    @Test
    void a_step_cannot_be_both_observation_and_assumption(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("both.yaml"), """
                id: both
                title: Invalid
                versions: [5]
                statements: [MQTT-3.12.4-1]
                clients: [c]
                steps:
                  - connect: {}
                  - expect: {packet: PINGRESP, observation: true, assume: true}
                """);

        assertThatThrownBy(() -> run(dir)).isInstanceOf(ScenarioSyntaxException.class)
                .hasMessageContaining("either an observation or an assumption");
    }

    private static ScenarioResult run(Path dir) throws InterruptedException {
        CertificationRequest request = CertificationRequest.builder(MqttTarget.tcp("127.0.0.1", broker.port()))
                .includeBuiltIn(false).scenarioDirectory(dir).versions(List.of(MqttVersion.MQTT_5)).build();
        List<ScenarioResult> results = new CertificationRunner().run(request).scenarios();
        assertThat(results).hasSize(1);
        return results.get(0);
    }
}
