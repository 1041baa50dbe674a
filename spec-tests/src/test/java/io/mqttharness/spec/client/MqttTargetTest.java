package io.mqttharness.spec.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MqttTargetTest {

    @Test
    void parse_reads_websocket_targets_with_path_and_default_path() {
        MqttTarget ws = MqttTarget.parse("ws://broker.example:9001/mqtt/ws");
        assertThat(ws.transport()).isEqualTo(MqttTarget.Transport.WEBSOCKET);
        assertThat(ws.port()).isEqualTo(9001);
        assertThat(ws.path()).isEqualTo("/mqtt/ws");
        assertThat(ws).hasToString("ws://broker.example:9001/mqtt/ws");
        MqttTarget wss = MqttTarget.parse("wss://broker.example");
        assertThat(wss.transport()).isEqualTo(MqttTarget.Transport.WEBSOCKET_TLS);
        assertThat(wss.port()).isEqualTo(443);
        assertThat(wss.path()).isEqualTo("/mqtt");
        assertThat(wss.tls()).isEqualTo(TlsOptions.DEFAULT);
    }

    @Test
    void parse_reads_tls_schemes_and_keeps_tcp_targets_equal_to_tcp() {
        assertThat(MqttTarget.parse("tls://[::1]:8884")).isEqualTo(new MqttTarget(MqttTarget.Transport.TLS, "::1", 8884));
        assertThat(MqttTarget.parse("mqtts://h").port()).isEqualTo(8883);
        assertThat(MqttTarget.parse("tcp://[::1]:1883/")).isEqualTo(MqttTarget.tcp("::1", 1883));
        assertThat(MqttTarget.tcp("h", 1).path()).isNull();
        assertThat(MqttTarget.tcp("h", 1).tls()).isNull();
    }

    @Test
    void parse_rejects_a_path_on_a_non_websocket_target() {
        assertThatThrownBy(() -> MqttTarget.parse("tcp://h:1883/mqtt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only allowed for ws://");
    }

    @Test
    void tls_options_need_both_client_certificate_and_key() {
        assertThatThrownBy(() -> new TlsOptions(null, false, java.nio.file.Path.of("c.pem"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("client_cert and client_key");
    }
}
