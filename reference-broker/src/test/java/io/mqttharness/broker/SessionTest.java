package io.mqttharness.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mqttharness.broker.testsupport.BrokerTestBase;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionTest extends BrokerTestBase {

    private TestMqttClient persistent(MqttVersion version, String clientId, boolean cleanStart, long expiry) {
        TestMqttClient c = client(version);
        MqttProperties props = version.isV5()
                ? MqttProperties.builder().sessionExpiryInterval(expiry).build() : MqttProperties.EMPTY;
        c.connect(c.connectPacket(clientId, cleanStart, 60, props, null));
        return c;
    }

    private MqttConnAck reconnect(TestMqttClient c, String clientId, long expiry) {
        MqttProperties props = c.version().isV5()
                ? MqttProperties.builder().sessionExpiryInterval(expiry).build() : MqttProperties.EMPTY;
        return c.connect(c.connectPacket(clientId, false, 60, props, null));
    }

    @Test
    void v311_session_present_after_reconnect_with_clean_session_0() {
        startBroker();
        TestMqttClient c = persistent(MqttVersion.MQTT_3_1_1, "p", false, 0);
        c.subscribe(1, "t", MqttQos.AT_LEAST_ONCE);
        c.disconnect();
        TestMqttClient again = client(MqttVersion.MQTT_3_1_1);
        assertThat(reconnect(again, "p", 0).sessionPresent()).isTrue();
        again.disconnect();
        TestMqttClient clean = client(MqttVersion.MQTT_3_1_1);
        assertThat(clean.connect("p", true).sessionPresent()).isFalse();
    }

    @Test
    void v5_session_with_expiry_0_ends_at_disconnect() {
        startBroker();
        TestMqttClient c = persistent(MqttVersion.MQTT_5, "p", true, 0);
        c.disconnect();
        TestMqttClient again = client(MqttVersion.MQTT_5);
        assertThat(reconnect(again, "p", 0).sessionPresent()).isFalse();
    }

    @Test
    void offline_session_queues_qos1_messages_and_delivers_them_on_resume() {
        startBroker();
        TestMqttClient sub = persistent(MqttVersion.MQTT_5, "sub", true, 300);
        sub.subscribe(1, "t", MqttQos.AT_LEAST_ONCE);
        sub.disconnect();
        // the client does not wait for the broker to handle its DISCONNECT: until it has, the session is online and
        // takes QoS 0 messages (seen under load)
        await().atMost(Duration.ofSeconds(10)).until(() -> !broker.context().sessions().get("sub").isOnline());

        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.publishAndComplete("t", "q1", MqttQos.AT_LEAST_ONCE, false, 1);
        pub.publishAndComplete("t", "q0", MqttQos.AT_MOST_ONCE, false, 0);
        pub.publishAndComplete("t", "q2", MqttQos.EXACTLY_ONCE, false, 2);

        TestMqttClient back = client(MqttVersion.MQTT_5);
        assertThat(reconnect(back, "sub", 300).sessionPresent()).isTrue();
        MqttPublish first = back.expect(MqttPublish.class);
        assertThat(TestMqttClient.text(first)).isEqualTo("q1");
        MqttPublish second = back.expect(MqttPublish.class);
        // QoS 0 is not queued for offline sessions by default (queue_qos0_messages false)
        assertThat(TestMqttClient.text(second)).isEqualTo("q2");
    }

    @Test
    void unacknowledged_publish_and_pubrel_are_resent_with_dup_in_order_after_reconnect() {
        startBroker();
        TestMqttClient sub = persistent(MqttVersion.MQTT_5, "sub", true, 300);
        sub.subscribe(1, "t", MqttQos.EXACTLY_ONCE);
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.publishAndComplete("t", "a", MqttQos.EXACTLY_ONCE, false, 1);
        pub.publishAndComplete("t", "b", MqttQos.AT_LEAST_ONCE, false, 2);
        MqttPublish a = sub.expect(MqttPublish.class);
        MqttPublish b = sub.expect(MqttPublish.class);
        sub.send(new MqttPubRec(a.packetId()));
        sub.expect(MqttPubRel.class);
        sub.close(); // network loss: neither PUBCOMP for a nor PUBACK for b

        TestMqttClient back = client(MqttVersion.MQTT_5);
        assertThat(reconnect(back, "sub", 300).sessionPresent()).isTrue();
        MqttPubRel rel = back.expect(MqttPubRel.class);
        assertThat(rel.packetId()).isEqualTo(a.packetId());
        MqttPublish again = back.expect(MqttPublish.class);
        assertThat(again.packetId()).isEqualTo(b.packetId());
        assertThat(again.dup()).isTrue();
        assertThat(TestMqttClient.text(again)).isEqualTo("b");
        back.send(new MqttPubComp(rel.packetId()));
        back.send(new MqttPubAck(again.packetId()));
        back.expectNoPacket(Duration.ofMillis(200));
    }

    @Test
    void v311_persistent_session_redelivers_unacknowledged_qos1() {
        startBroker();
        TestMqttClient sub = persistent(MqttVersion.MQTT_3_1_1, "sub", false, 0);
        sub.subscribe(1, "t", MqttQos.AT_LEAST_ONCE);
        TestMqttClient pub = connected(MqttVersion.MQTT_3_1_1, "pub");
        pub.publishAndComplete("t", "m", MqttQos.AT_LEAST_ONCE, false, 1);
        MqttPublish first = sub.expect(MqttPublish.class);
        sub.close();
        TestMqttClient back = client(MqttVersion.MQTT_3_1_1);
        assertThat(reconnect(back, "sub", 0).sessionPresent()).isTrue();
        MqttPublish again = back.expect(MqttPublish.class);
        assertThat(again.dup()).isTrue();
        assertThat(again.packetId()).isEqualTo(first.packetId());
    }

    @Test
    void v5_session_expires_after_its_interval() throws InterruptedException {
        startBroker();
        TestMqttClient c = persistent(MqttVersion.MQTT_5, "exp", true, 1);
        c.subscribe(1, "t", MqttQos.AT_LEAST_ONCE);
        c.disconnect();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (broker.context().sessions().get("exp") != null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(broker.context().sessions().get("exp")).isNull();
        TestMqttClient again = client(MqttVersion.MQTT_5);
        assertThat(reconnect(again, "exp", 0).sessionPresent()).isFalse();
        assertThat(broker.context().subscriptions().subscriptionsOf("exp")).isEmpty();
    }

    @Test
    void v5_disconnect_setting_expiry_when_connect_had_0_is_a_protocol_error() {
        startBroker();
        TestMqttClient c = persistent(MqttVersion.MQTT_5, "z", true, 0);
        c.send(new MqttDisconnect(MqttDisconnectReasonCode.NORMAL_DISCONNECTION,
                MqttProperties.builder().sessionExpiryInterval(30L).build()));
        assertThat(c.expect(MqttDisconnect.class).reasonCode()).isEqualTo(MqttDisconnectReasonCode.PROTOCOL_ERROR);
    }

    @Test
    void v5_disconnect_can_change_the_session_expiry_to_0() {
        startBroker();
        TestMqttClient c = persistent(MqttVersion.MQTT_5, "z", true, 300);
        c.send(new MqttDisconnect(MqttDisconnectReasonCode.NORMAL_DISCONNECTION,
                MqttProperties.builder().sessionExpiryInterval(0L).build()));
        c.expectClosed();
        TestMqttClient again = client(MqttVersion.MQTT_5);
        assertThat(reconnect(again, "z", 0).sessionPresent()).isFalse();
    }

    @Test
    void offline_queue_is_bounded_and_drops_the_newest() {
        startBroker(b -> b.maxQueuedMessages(2));
        TestMqttClient sub = persistent(MqttVersion.MQTT_5, "sub", true, 300);
        sub.subscribe(1, "t", MqttQos.AT_LEAST_ONCE);
        sub.disconnect();
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        for (int i = 1; i <= 4; i++) {
            pub.publishAndComplete("t", Integer.toString(i), MqttQos.AT_LEAST_ONCE, false, i);
        }
        assertThat(broker.context().stats().messagesDropped()).isEqualTo(2);
        TestMqttClient back = client(MqttVersion.MQTT_5);
        reconnect(back, "sub", 300);
        assertThat(TestMqttClient.text(back.expect(MqttPublish.class))).isEqualTo("1");
        assertThat(TestMqttClient.text(back.expect(MqttPublish.class))).isEqualTo("2");
        back.expectNoPacket(Duration.ofMillis(200));
    }

    @Test
    void qos0_is_queued_offline_when_configured() {
        startBroker(b -> b.queueQos0Messages(true));
        TestMqttClient sub = persistent(MqttVersion.MQTT_3_1_1, "sub", false, 0);
        sub.subscribe(1, "t", MqttQos.AT_MOST_ONCE);
        sub.disconnect();
        TestMqttClient pub = connected(MqttVersion.MQTT_3_1_1, "pub");
        pub.publishAndComplete("t", "zero", MqttQos.AT_MOST_ONCE, false, 0);
        pub.publishAndComplete("t", "sync", MqttQos.AT_LEAST_ONCE, false, 1);
        TestMqttClient back = client(MqttVersion.MQTT_3_1_1);
        reconnect(back, "sub", 0);
        assertThat(TestMqttClient.text(back.expect(MqttPublish.class))).isEqualTo("zero");
    }
}
