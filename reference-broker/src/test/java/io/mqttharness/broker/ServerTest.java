package io.mqttharness.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.ListenerConfig;
import io.mqttharness.broker.server.ServerTransport;
import io.mqttharness.broker.testsupport.BrokerTestBase;
import io.mqttharness.broker.testsupport.TestCertificates;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import java.nio.file.Path;
import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

class ServerTest extends BrokerTestBase {

    @Test
    void bind_failure_names_the_address() {
        startBroker();
        int taken = broker.port();
        BrokerConfig clash = BrokerConfig.builder().listener(ListenerConfig.mqtt("127.0.0.1", taken)).sysInterval(0)
                .build();
        assertThatThrownBy(() -> MqttBroker.start(clash))
                .isInstanceOf(MqttBrokerStartException.class)
                .hasMessageContaining("127.0.0.1:" + taken);
    }

    @Test
    void close_sends_server_shutting_down_to_v5_clients() {
        startBroker();
        TestMqttClient c = connected(MqttVersion.MQTT_5, "c");
        broker.close();
        assertThat(c.expect(MqttDisconnect.class).reasonCode()).isEqualTo(MqttDisconnectReasonCode.SERVER_SHUTTING_DOWN);
        c.expectClosed();
    }

    @ParameterizedTest
    @EnumSource(ServerTransport.Preference.class)
    void every_io_transport_carries_a_publish_round_trip(ServerTransport.Preference transport) {
        assumeTrue(transport != ServerTransport.Preference.EPOLL || Epoll.isAvailable(),
                () -> "native epoll does not load here: " + Epoll.unavailabilityCause());
        startBroker(b -> b.ioTransport(transport));
        try (TestMqttClient c = connected(MqttVersion.MQTT_5, "t-" + transport)) {
            c.subscribe(1, "t", MqttQos.AT_MOST_ONCE);
            c.publish("t", "via " + transport, MqttQos.AT_MOST_ONCE, false, 0);
            assertThat(TestMqttClient.text(c.expect(MqttPublish.class))).isEqualTo("via " + transport);
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 3})
    void io_threads_sets_the_event_loop_count_and_clients_on_every_loop_reach_each_other(int threads) {
        startBroker(b -> b.ioThreads(threads));
        assertThat(broker.ioThreads()).isEqualTo(threads);
        // one client more than loops: connections are spread round robin, so some message crosses loops
        java.util.List<TestMqttClient> clients = new java.util.ArrayList<>();
        try {
            for (int i = 0; i <= threads; i++) {
                TestMqttClient c = connected(MqttVersion.MQTT_5, "loop-" + i);
                c.subscribe(1, "all", MqttQos.AT_MOST_ONCE);
                clients.add(c);
            }
            clients.get(0).publish("all", "hello", MqttQos.AT_MOST_ONCE, false, 0);
            for (TestMqttClient c : clients) {
                assertThat(TestMqttClient.text(c.expect(MqttPublish.class))).isEqualTo("hello");
            }
        } finally {
            clients.forEach(TestMqttClient::close);
        }
    }

    @Test
    void auto_io_transport_is_epoll_on_linux_where_it_loads() {
        assertThat(ServerTransport.select(ServerTransport.Preference.AUTO))
                .isEqualTo(Epoll.isAvailable() ? ServerTransport.EPOLL : ServerTransport.NIO);
        assertThat(ServerTransport.select(ServerTransport.Preference.NIO)).isEqualTo(ServerTransport.NIO);
    }

    @Test
    void every_listener_is_bound_and_reported() {
        startBroker(b -> b.listener(ListenerConfig.mqtt("127.0.0.1", 0)));
        assertThat(broker.boundAddresses()).hasSize(2);
        assertThat(broker.boundAddresses().get(1).getPort()).isNotEqualTo(broker.port());
    }

    @Test
    void websocket_listener_carries_mqtt_in_binary_frames() {
        broker = MqttBroker.start(BrokerConfig.builder().sysInterval(0)
                .listener(new ListenerConfig("127.0.0.1", 0, ListenerConfig.Protocol.WEBSOCKETS, "/mqtt", null))
                .build());
        try (TestMqttClient ws = TestMqttClient.open(broker.port(), MqttVersion.MQTT_5, null, "/mqtt")) {
            assertThat(ws.connect("ws", true).reasonCode()).isEqualTo(MqttConnectReasonCode.SUCCESS);
            ws.subscribe(1, "t", MqttQos.AT_MOST_ONCE);
            ws.publish("t", "over websocket", MqttQos.AT_MOST_ONCE, false, 0);
            assertThat(TestMqttClient.text(ws.expect(MqttPublish.class))).isEqualTo("over websocket");
        }
    }

    @Test
    void tls_listener_with_client_certificate_uses_the_cn_as_user_name(@TempDir Path dir) {
        TestCertificates certs = TestCertificates.create(dir);
        ListenerConfig.TlsConfig tls = new ListenerConfig.TlsConfig(certs.serverCert(), certs.serverKey(),
                certs.caCert(), true, true, null);
        broker = MqttBroker.start(BrokerConfig.builder().sysInterval(0).allowAnonymous(false)
                .listener(new ListenerConfig("127.0.0.1", 0, ListenerConfig.Protocol.MQTT, null, tls)).build());
        try (TestMqttClient c = TestMqttClient.open(broker.port(), MqttVersion.MQTT_3_1_1,
                certs.nettyClientContext(true), null)) {
            assertThat(c.connect("tls", true).reasonCode()).isEqualTo(MqttConnectReasonCode.SUCCESS);
            assertThat(broker.context().sessions().get("tls").username()).isEqualTo(TestCertificates.DEFAULT_CLIENT_CN);
        }
    }
}
