package io.mqttharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.config.ListenerConfig;
import io.mqttharness.broker.config.ListenerConfig.Protocol;
import io.mqttharness.broker.config.ListenerConfig.TlsConfig;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ListenerUrlTest {

    private static final TlsConfig TLS = new TlsConfig(Path.of("server.crt"), Path.of("server.key"), null,
            false, false, null);

    @Test
    void plain_listener_is_an_mqtt_url_with_the_bound_port() {
        ListenerConfig listener = ListenerConfig.mqtt("127.0.0.1", 0);

        assertThat(ListenerUrl.of(listener, new InetSocketAddress("127.0.0.1", 41883)))
                .isEqualTo("mqtt://127.0.0.1:41883");
    }

    @Test
    void tls_listener_is_an_mqtts_url() {
        ListenerConfig listener = new ListenerConfig("127.0.0.1", 8883, Protocol.MQTT, null, TLS);

        assertThat(ListenerUrl.of(listener, new InetSocketAddress("127.0.0.1", 8883)))
                .isEqualTo("mqtts://127.0.0.1:8883");
    }

    @Test
    void websocket_listener_is_a_ws_url_with_its_path() {
        ListenerConfig listener = new ListenerConfig(null, 8080, Protocol.WEBSOCKETS, null, null);

        assertThat(ListenerUrl.of(listener, new InetSocketAddress("127.0.0.1", 8080)))
                .isEqualTo("ws://127.0.0.1:8080/mqtt");
    }

    @Test
    void tls_websocket_listener_is_a_wss_url() {
        ListenerConfig listener = new ListenerConfig(null, 8443, Protocol.WEBSOCKETS, "/ws", TLS);

        assertThat(ListenerUrl.of(listener, new InetSocketAddress("127.0.0.1", 8443)))
                .isEqualTo("wss://127.0.0.1:8443/ws");
    }

    @Test
    void ipv6_address_is_bracketed() {
        ListenerConfig listener = ListenerConfig.mqtt("fd00::1", 1883);

        assertThat(ListenerUrl.of(listener, new InetSocketAddress("fd00::1", 1883)))
                .isEqualTo("mqtt://[fd00:0:0:0:0:0:0:1]:1883");
    }

    @Test
    void ipv6_loopback_is_shown_short() {
        ListenerConfig listener = ListenerConfig.mqtt("::1", 1883);

        assertThat(ListenerUrl.of(listener, new InetSocketAddress("::1", 1883))).isEqualTo("mqtt://[::1]:1883");
    }

    @Test
    void ipv4_wildcard_bound_as_dual_stack_shows_the_configured_address() {
        ListenerConfig listener = ListenerConfig.mqtt("0.0.0.0", 1883);

        assertThat(ListenerUrl.of(listener, new InetSocketAddress("::", 1883))).isEqualTo("mqtt://0.0.0.0:1883");
    }

    @Test
    void listener_on_all_interfaces_shows_the_ipv6_wildcard() {
        ListenerConfig listener = ListenerConfig.mqtt(null, 1883);

        assertThat(ListenerUrl.of(listener, new InetSocketAddress("::", 1883))).isEqualTo("mqtt://[::]:1883");
    }
}
