package io.mqttharness.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.testsupport.BrokerTestBase;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPingReq;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectTest extends BrokerTestBase {

    @Test
    void v311_empty_client_id_with_clean_session_0_is_refused_with_0x02() {
        startBroker();
        TestMqttClient c = client(MqttVersion.MQTT_3_1_1);
        MqttConnAck ack = c.connect("", false);
        assertThat(ack.reasonCode()).isEqualTo(MqttConnectReasonCode.CLIENT_IDENTIFIER_NOT_VALID);
        assertThat(ack.sessionPresent()).isFalse();
        c.expectClosed();
    }

    @Test
    void v311_empty_client_id_with_clean_session_1_is_accepted() {
        startBroker();
        TestMqttClient c = client(MqttVersion.MQTT_3_1_1);
        assertThat(c.connect("", true).reasonCode()).isEqualTo(MqttConnectReasonCode.SUCCESS);
    }

    @Test
    void v5_empty_client_id_gets_an_assigned_client_identifier() {
        startBroker();
        TestMqttClient c = client(MqttVersion.MQTT_5);
        MqttConnAck ack = c.connect("", false);
        assertThat(ack.reasonCode()).isEqualTo(MqttConnectReasonCode.SUCCESS);
        assertThat(ack.properties().assignedClientIdentifier()).isNotBlank();
    }

    @Test
    void v5_connack_announces_the_broker_limits() {
        startBroker(b -> b.receiveMaximum(10).maxQos(1).retainAvailable(false).maxPacketSize(1000)
                .topicAliasMaximum(5));
        TestMqttClient c = client(MqttVersion.MQTT_5);
        MqttConnAck ack = c.connect("limits", true);
        MqttProperties p = ack.properties();
        assertThat(p.receiveMaximum()).isEqualTo(10);
        assertThat(p.maximumQos()).isEqualTo(1);
        assertThat(p.retainAvailable()).isEqualTo(0);
        assertThat(p.maximumPacketSize()).isEqualTo(1000L);
        assertThat(p.topicAliasMaximum()).isEqualTo(5);
        assertThat(p.assignedClientIdentifier()).isNull();
        assertThat(p.responseInformation()).isNull();
    }

    @Test
    void v5_server_keep_alive_is_sent_when_the_request_exceeds_max_keepalive() {
        startBroker(b -> b.maxKeepAlive(30));
        TestMqttClient c = client(MqttVersion.MQTT_5);
        MqttConnAck ack = c.connect(c.connectPacket("ka", true, 120, MqttProperties.EMPTY, null));
        assertThat(ack.properties().serverKeepAlive()).isEqualTo(30);
    }

    @Test
    void v5_response_information_only_when_requested() {
        startBroker();
        TestMqttClient c = client(MqttVersion.MQTT_5);
        MqttConnAck ack = c.connect(c.connectPacket("rr", true, 60,
                MqttProperties.builder().requestResponseInformation(1).build(), null));
        assertThat(ack.properties().responseInformation()).isEqualTo("response/rr");
    }

    @Test
    void v5_session_expiry_above_the_maximum_is_capped_and_announced() {
        startBroker(b -> b.maxSessionExpiry(60));
        TestMqttClient c = client(MqttVersion.MQTT_5);
        MqttConnAck ack = c.connect(c.connectPacket("se", true, 60,
                MqttProperties.builder().sessionExpiryInterval(3600L).build(), null));
        assertThat(ack.properties().sessionExpiryInterval()).isEqualTo(60L);
    }

    @Test
    void unsupported_protocol_level_gets_return_code_1_and_close() {
        startBroker();
        TestMqttClient c = client(MqttVersion.MQTT_3_1_1);
        // CONNECT, remaining length 12: protocol name "MQTT", level 9, flags 0x02, keep alive 60, client id ""
        c.sendRaw(0x10, 12, 0, 4, 'M', 'Q', 'T', 'T', 9, 0x02, 0, 60, 0, 0);
        MqttConnAck ack = c.expect(MqttConnAck.class);
        assertThat(ack.reasonCode()).isEqualTo(MqttConnectReasonCode.UNSUPPORTED_PROTOCOL_VERSION);
        c.expectClosed();
    }

    @Test
    void v5_malformed_connect_gets_connack_with_the_reason_code() {
        startBroker();
        TestMqttClient c = client(MqttVersion.MQTT_5);
        // CONNECT v5 with reserved connect flag bit 0 set (0x03) [MQTT-3.1.2-3]; properties length 0, client id ""
        c.sendRaw(0x10, 13, 0, 4, 'M', 'Q', 'T', 'T', 5, 0x03, 0, 60, 0, 0, 0);
        MqttConnAck ack = c.expect(MqttConnAck.class);
        assertThat(ack.reasonCode()).isEqualTo(MqttConnectReasonCode.MALFORMED_PACKET);
        c.expectClosed();
    }

    @Test
    void v311_malformed_connect_closes_without_connack() {
        startBroker();
        TestMqttClient c = client(MqttVersion.MQTT_3_1_1);
        c.sendRaw(0x10, 12, 0, 4, 'M', 'Q', 'T', 'T', 4, 0x03, 0, 60, 0, 0);
        c.expectClosed();
    }

    @Test
    void first_packet_other_than_connect_closes_the_connection() {
        startBroker();
        TestMqttClient c = client(MqttVersion.MQTT_3_1_1);
        c.send(MqttPingReq.INSTANCE);
        c.expectClosed();
    }

    @Test
    void v5_second_connect_is_a_protocol_error() {
        startBroker();
        TestMqttClient c = connected(MqttVersion.MQTT_5, "twice");
        c.send(c.connectPacket("twice", true, 60, MqttProperties.EMPTY, null));
        MqttDisconnect d = c.expect(MqttDisconnect.class);
        assertThat(d.reasonCode()).isEqualTo(MqttDisconnectReasonCode.PROTOCOL_ERROR);
        c.expectClosed();
    }

    @Test
    void v311_second_connect_closes_the_connection() {
        startBroker();
        TestMqttClient c = connected(MqttVersion.MQTT_3_1_1, "twice");
        c.send(c.connectPacket("twice", true, 60, MqttProperties.EMPTY, null));
        c.expectClosed();
    }

    @Test
    void v5_takeover_sends_session_taken_over_to_the_old_connection() {
        startBroker();
        TestMqttClient first = connected(MqttVersion.MQTT_5, "same");
        TestMqttClient second = client(MqttVersion.MQTT_5);
        assertThat(second.connect("same", false).reasonCode()).isEqualTo(MqttConnectReasonCode.SUCCESS);
        MqttDisconnect d = first.expect(MqttDisconnect.class);
        assertThat(d.reasonCode()).isEqualTo(MqttDisconnectReasonCode.SESSION_TAKEN_OVER);
        first.expectClosed();
        // the new connection keeps working
        second.send(MqttPingReq.INSTANCE);
        second.next();
    }

    @Test
    void v311_takeover_closes_the_old_connection() {
        startBroker();
        TestMqttClient first = connected(MqttVersion.MQTT_3_1_1, "same");
        TestMqttClient second = client(MqttVersion.MQTT_3_1_1);
        assertThat(second.connect("same", true).reasonCode()).isEqualTo(MqttConnectReasonCode.SUCCESS);
        first.expectClosed();
    }

    @Test
    void anonymous_client_is_refused_when_anonymous_is_not_allowed() {
        startBroker(b -> b.allowAnonymous(false));
        TestMqttClient v3 = client(MqttVersion.MQTT_3_1_1);
        assertThat(v3.connect("anon3", true).reasonCode()).isEqualTo(MqttConnectReasonCode.NOT_AUTHORIZED);
        v3.expectClosed();
        TestMqttClient v5 = client(MqttVersion.MQTT_5);
        assertThat(v5.connect("anon5", true).reasonCode()).isEqualTo(MqttConnectReasonCode.NOT_AUTHORIZED);
        v5.expectClosed();
    }

    @Test
    void max_connections_refuses_the_next_client() {
        startBroker(b -> b.maxConnections(1));
        connected(MqttVersion.MQTT_5, "one");
        TestMqttClient v5 = client(MqttVersion.MQTT_5);
        assertThat(v5.connect("two", true).reasonCode()).isEqualTo(MqttConnectReasonCode.SERVER_BUSY);
        TestMqttClient v3 = client(MqttVersion.MQTT_3_1_1);
        assertThat(v3.connect("three", true).reasonCode()).isEqualTo(MqttConnectReasonCode.SERVER_UNAVAILABLE);
    }

    @Test
    void unknown_authentication_method_is_refused_with_0x8c() {
        startBroker();
        TestMqttClient c = client(MqttVersion.MQTT_5);
        MqttConnAck ack = c.connect(c.connectPacket("auth", true, 60,
                MqttProperties.builder().authenticationMethod("NOPE").build(), null));
        assertThat(ack.reasonCode()).isEqualTo(MqttConnectReasonCode.BAD_AUTHENTICATION_METHOD);
        c.expectClosed();
    }

    @Test
    void v5_will_qos_above_maximum_qos_is_refused() {
        startBroker(b -> b.maxQos(0));
        TestMqttClient c = client(MqttVersion.MQTT_5);
        MqttConnAck ack = c.connect(c.connectPacket("wq", true, 60, MqttProperties.EMPTY,
                new io.mqttharness.codec.packet.MqttWill("w", new byte[] {1}, MqttQos.AT_LEAST_ONCE, false, null)));
        assertThat(ack.reasonCode()).isEqualTo(MqttConnectReasonCode.QOS_NOT_SUPPORTED);
    }

    @Test
    void connection_without_connect_is_closed_after_the_connect_timeout() {
        broker = MqttBroker.start(io.mqttharness.broker.config.BrokerConfig.builder()
                .listener(io.mqttharness.broker.config.ListenerConfig.mqtt("127.0.0.1", 0)).sysInterval(0).build(), 300);
        TestMqttClient c = client(MqttVersion.MQTT_5);
        c.expectNoPacket(Duration.ofMillis(100));
        assertThat(c.isClosed()).isFalse();
        c.expectClosed();
    }

    @Test
    void v5_malformed_packet_after_connect_gets_disconnect_0x81() {
        startBroker();
        TestMqttClient c = connected(MqttVersion.MQTT_5, "bad");
        // PUBLISH with QoS 3 (both QoS bits set) is malformed [MQTT-3.3.1-4]
        c.sendRaw(0x36, 5, 0, 1, 'a', 0, 1);
        MqttDisconnect d = c.expect(MqttDisconnect.class);
        assertThat(d.reasonCode()).isEqualTo(MqttDisconnectReasonCode.MALFORMED_PACKET);
        c.expectClosed();
    }

    @Test
    void v311_keep_alive_0_is_accepted() {
        startBroker();
        TestMqttClient c = client(MqttVersion.MQTT_3_1_1);
        MqttConnect connect = new MqttConnect(MqttVersion.MQTT_3_1_1, true, 0, "ka0", MqttProperties.EMPTY, null,
                null, null);
        assertThat(c.connect(connect).reasonCode()).isEqualTo(MqttConnectReasonCode.SUCCESS);
    }
}
