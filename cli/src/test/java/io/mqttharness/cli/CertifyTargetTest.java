package io.mqttharness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.spec.client.MqttTarget;
import org.junit.jupiter.api.Test;

class CertifyTargetTest {

    @Test
    void no_target_and_embedded_mean_the_embedded_reference_broker() {
        assertThat(CertifyTarget.parse(null).embedded()).isTrue();
        assertThat(CertifyTarget.parse("embedded").embedded()).isTrue();
        assertThat(CertifyTarget.parse(" EMBEDDED ").embedded()).isTrue();
    }

    @Test
    void tcp_mqtt_and_bare_host_port_are_plain_tcp_targets() {
        assertThat(CertifyTarget.parse("tcp://broker.example:1884").target())
                .isEqualTo(MqttTarget.tcp("broker.example", 1884));
        assertThat(CertifyTarget.parse("mqtt://10.0.0.1").target()).isEqualTo(MqttTarget.tcp("10.0.0.1", 1883));
        assertThat(CertifyTarget.parse("localhost:11883").target()).isEqualTo(MqttTarget.tcp("localhost", 11883));
        assertThat(CertifyTarget.parse("tcp://[::1]:1883/").target()).isEqualTo(MqttTarget.tcp("::1", 1883));
    }

    @Test
    void tls_and_websocket_schemes_select_their_transport() {
        assertThat(CertifyTarget.parse("tls://h:8883").target().transport()).isEqualTo(MqttTarget.Transport.TLS);
        assertThat(CertifyTarget.parse("mqtts://h").target().port()).isEqualTo(8883);
        assertThat(CertifyTarget.parse("ws://h:8080/mqtt").target().transport())
                .isEqualTo(MqttTarget.Transport.WEBSOCKET);
        assertThat(CertifyTarget.parse("wss://h/ws").target().path()).isEqualTo("/ws");
    }

    @Test
    void malformed_targets_are_bad_input() {
        assertThatThrownBy(() -> CertifyTarget.parse("http://h:80")).hasMessageContaining("unknown scheme 'http'");
        assertThatThrownBy(() -> CertifyTarget.parse("tcp://h:port")).hasMessageContaining("invalid port");
        assertThatThrownBy(() -> CertifyTarget.parse("tcp://h:70000")).hasMessageContaining("65535");
        assertThatThrownBy(() -> CertifyTarget.parse("tcp://h:1883/mqtt")).hasMessageContaining("a path is only allowed for ws:// and wss://");
    }
}
