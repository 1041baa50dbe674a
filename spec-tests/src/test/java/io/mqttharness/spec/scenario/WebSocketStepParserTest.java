package io.mqttharness.spec.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebSocketStepParserTest {
    private static final String HEAD = """
            id: ws
            title: WebSocket steps
            versions: [5]
            statements: [MQTT-6.0.0-1]
            clients: [c]
            steps:
            """;

    @Test
    void parse_reads_ws_split_ws_text_and_expect_ws_subprotocol() {
        Scenario s = ScenarioParser.parse(HEAD + """
                  - expect_ws_subprotocol: {value: mqtt}
                  - send: {packet: PINGREQ, ws_split: [1]}
                  - send: {raw: "c0 00 c0 00", ws_split: [1, 3]}
                  - send: {ws_text: "hello"}
                """, "ws.yaml");
        assertThat(s.steps().get(0)).isEqualTo(new Step.ExpectWebSocketSubprotocol(
                s.steps().get(0).options(), "c", "mqtt"));
        Step.Send packet = (Step.Send) s.steps().get(1);
        assertThat(packet.webSocketSplit()).containsExactly(1);
        assertThat(packet.fields().has("ws_split")).isFalse();
        assertThat(((Step.Send) s.steps().get(2)).webSocketSplit()).containsExactly(1, 3);
        assertThat(((Step.Send) s.steps().get(3)).webSocketText()).isEqualTo("hello");
    }

    @Test
    void parse_rejects_non_increasing_ws_split_offsets() {
        assertThatThrownBy(() -> ScenarioParser.parse(HEAD + "  - send: {raw: \"c0 00\", ws_split: [2, 2]}\n", "ws.yaml"))
                .hasMessageContaining("ws.yaml").hasMessageContaining("'ws_split' offsets must be increasing");
    }

    @Test
    void parse_rejects_ws_text_combined_with_a_packet() {
        assertThatThrownBy(() -> ScenarioParser.parse(HEAD + "  - send: {ws_text: x, packet: PINGREQ}\n", "ws.yaml"))
                .hasMessageContaining("packet");
    }
}
