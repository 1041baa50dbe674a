package io.mqttharness.spec.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttVersion;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScenarioParserTest {
    private static final String VALID = """
            id: sample
            title: Sample
            versions: [3.1.1, 5]
            statements:
              "3.1.1": [MQTT-3.12.4-1]
              "5": ["[MQTT-3.12.4-1]", MQTT-4.13.1-1]
            requires: [retain]
            clients:
              a: {auto_ack: true}
              b: {}
            steps:
              - connect: {client: a, keep_alive: 10, connack: {session_present: false}}
              - send: {client: a, packet: publish, topic: "${topic}", qos: 1}
              - send: {client: b, raw: "c0 00"}
              - expect: {client: a, packet: PUBACK, packet_id: ">=1", timeout: 2s, capture: {pid: packet_id}}
              - expect_closed: {client: b, reason_codes: [0x81, 0x82], versions: [5]}
              - one_of:
                  - - expect: {client: a, packet: PINGRESP}
                  - - expect_none: {client: a, within: 500ms}
              - wait: 1.5s
              - close: a
            """;

    @Test
    void parse_reads_all_parts_of_a_scenario() {
        Scenario s = ScenarioParser.parse(VALID, "sample.yaml");

        assertThat(s.id()).isEqualTo("sample");
        assertThat(s.versions()).containsExactly(MqttVersion.MQTT_3_1_1, MqttVersion.MQTT_5);
        assertThat(s.statementsFor(MqttVersion.MQTT_5)).containsExactly("MQTT-3.12.4-1", "MQTT-4.13.1-1");
        assertThat(s.requires()).containsExactly("retain");
        assertThat(s.clients().get("a").autoAck()).isTrue();
        assertThat(s.clients().get("b").autoAck()).isFalse();
        assertThat(s.steps()).hasSize(8);
        Step.Send send = (Step.Send) s.steps().get(1);
        assertThat(send.packetType()).isEqualTo(MqttPacketType.PUBLISH);
        Step.Expect expect = (Step.Expect) s.steps().get(3);
        assertThat(expect.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(expect.captures()).containsEntry("pid", "packet_id");
        assertThat(expect.fields().has("timeout")).isFalse();
        assertThat(s.steps().get(4).options().appliesTo(MqttVersion.MQTT_3_1_1)).isFalse();
        assertThat(((Step.OneOf) s.steps().get(5)).alternatives()).hasSize(2);
        assertThat(((Step.Wait) s.steps().get(6)).duration()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void parse_defaults_the_client_when_only_one_is_declared() {
        Scenario s = ScenarioParser.parse("""
                id: one
                title: One client
                versions: [5]
                statements: [MQTT-3.12.4-1]
                clients: [only]
                steps:
                  - connect: {}
                  - disconnect: only
                """, "one.yaml");

        assertThat(((Step.Connect) s.steps().get(0)).client()).isEqualTo("only");
        assertThat(((Step.Connect) s.steps().get(0)).connack().get("reason_code").asInt()).isZero();
    }

    @Test
    void parse_rejects_unknown_packet_field_naming_file_and_step() {
        String yaml = VALID.replace("packet_id: \">=1\"", "packet_ident: 1");

        assertThatThrownBy(() -> ScenarioParser.parse(yaml, "bad.yaml"))
                .isInstanceOf(ScenarioSyntaxException.class)
                .hasMessageContaining("bad.yaml")
                .hasMessageContaining("step 4 (expect)")
                .hasMessageContaining("packet_ident");
    }

    @Test
    void parse_rejects_unknown_client() {
        String yaml = VALID.replace("close: a", "close: c");

        assertThatThrownBy(() -> ScenarioParser.parse(yaml, "bad.yaml")).hasMessageContaining("unknown client 'c'");
    }

    @Test
    void parse_rejects_unknown_property() {
        String yaml = VALID.replace("keep_alive: 10,", "properties: {session_expiry: 5},");

        assertThatThrownBy(() -> ScenarioParser.parse(yaml, "bad.yaml")).hasMessageContaining("session_expiry");
    }

    @Test
    void parse_rejects_invalid_statement_id_and_bad_hex() {
        assertThatThrownBy(() -> ScenarioParser.parse(VALID.replace("MQTT-4.13.1-1", "4.13.1-1"), "x.yaml"))
                .hasMessageContaining("not a statement ID");
        assertThatThrownBy(() -> ScenarioParser.parse(VALID.replace("c0 00", "c0 0g"), "x.yaml"))
                .hasMessageContaining("invalid hex character");
    }

    @Test
    void parse_rejects_non_expectations_inside_one_of() {
        String yaml = VALID.replace("- - expect_none: {client: a, within: 500ms}", "- - close: a");

        assertThatThrownBy(() -> ScenarioParser.parse(yaml, "x.yaml")).hasMessageContaining("one_of");
    }

    @Test
    void parse_reports_invalid_yaml() {
        assertThatThrownBy(() -> ScenarioParser.parse("id: [unclosed", "broken.yaml"))
                .isInstanceOf(ScenarioSyntaxException.class)
                .hasMessageStartingWith("broken.yaml: not valid YAML");
    }
}
