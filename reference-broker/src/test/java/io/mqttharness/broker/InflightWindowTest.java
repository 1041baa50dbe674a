package io.mqttharness.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.session.Session;
import io.mqttharness.broker.testsupport.BrokerTestBase;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttPingReq;
import io.mqttharness.codec.packet.MqttPingResp;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.packet.MqttPublish;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The server-to-client inflight window: at most min(client Receive Maximum, {@code max_inflight_messages}) QoS 1/2
 * PUBLISH packets are unacknowledged towards a client (MQTT-3.3.4-9 in 5.0, section 4.9); the rest waits in the
 * session queue and is released in order as acknowledgements arrive.
 */
class InflightWindowTest extends BrokerTestBase {
    private static final Duration QUIET = Duration.ofMillis(300);

    @Test
    void max_inflight_messages_caps_the_window_below_the_client_receive_maximum() {
        startBroker(b -> b.maxInflightMessages(2));
        TestMqttClient sub = subscriberWithReceiveMaximum("sub", 10, MqttQos.AT_LEAST_ONCE);
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        for (int i = 1; i <= 5; i++) {
            pub.publishAndComplete("t", "m" + i, MqttQos.AT_LEAST_ONCE, false, i);
        }
        MqttPublish first = sub.expect(MqttPublish.class);
        MqttPublish second = sub.expect(MqttPublish.class);
        assertThat(TestMqttClient.text(first)).isEqualTo("m1");
        assertThat(TestMqttClient.text(second)).isEqualTo("m2");
        sub.expectNoPacket(QUIET);
        Session session = broker.context().sessions().get("sub");
        assertThat(session.inflightCount()).isEqualTo(2);
        assertThat(session.queuedCount()).isEqualTo(3);

        // each PUBACK frees exactly one slot, and the next message in publishing order takes it
        sub.send(new MqttPubAck(first.packetId()));
        MqttPublish third = sub.expect(MqttPublish.class);
        assertThat(TestMqttClient.text(third)).isEqualTo("m3");
        sub.expectNoPacket(QUIET);
        sub.send(new MqttPubAck(third.packetId()));
        assertThat(TestMqttClient.text(sub.expect(MqttPublish.class))).isEqualTo("m4");
        sub.send(new MqttPubAck(second.packetId()));
        assertThat(TestMqttClient.text(sub.expect(MqttPublish.class))).isEqualTo("m5");
        sub.expectNoPacket(QUIET);
        assertThat(session.inflightCount()).isEqualTo(2);
        assertThat(session.queuedCount()).isZero();
    }

    @Test
    void client_receive_maximum_below_max_inflight_messages_is_the_window() {
        startBroker(b -> b.maxInflightMessages(20));
        TestMqttClient sub = subscriberWithReceiveMaximum("sub", 1, MqttQos.AT_LEAST_ONCE);
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.publishAndComplete("t", "a", MqttQos.AT_LEAST_ONCE, false, 1);
        pub.publishAndComplete("t", "b", MqttQos.AT_LEAST_ONCE, false, 2);
        MqttPublish a = sub.expect(MqttPublish.class);
        assertThat(TestMqttClient.text(a)).isEqualTo("a");
        sub.expectNoPacket(QUIET);
        sub.send(new MqttPubAck(a.packetId()));
        assertThat(TestMqttClient.text(sub.expect(MqttPublish.class))).isEqualTo("b");
    }

    @Test
    void qos2_message_holds_its_slot_until_pubcomp() {
        startBroker(b -> b.maxInflightMessages(1));
        TestMqttClient sub = subscriberWithReceiveMaximum("sub", 10, MqttQos.EXACTLY_ONCE);
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.publishAndComplete("t", "a", MqttQos.EXACTLY_ONCE, false, 1);
        pub.publishAndComplete("t", "b", MqttQos.EXACTLY_ONCE, false, 2);
        MqttPublish a = sub.expect(MqttPublish.class);
        sub.send(new MqttPubRec(a.packetId()));
        assertThat(sub.expect(MqttPubRel.class).packetId()).isEqualTo(a.packetId());
        // PUBREC does not free the slot (MQTT 5.0 section 4.9: the quota grows on PUBCOMP)
        sub.expectNoPacket(QUIET);
        sub.send(new MqttPubComp(a.packetId()));
        assertThat(TestMqttClient.text(sub.expect(MqttPublish.class))).isEqualTo("b");
    }

    @Test
    void other_packets_flow_while_the_window_is_full() {
        startBroker(b -> b.maxInflightMessages(1));
        TestMqttClient sub = subscriberWithReceiveMaximum("sub", 10, MqttQos.AT_LEAST_ONCE);
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.publishAndComplete("t", "a", MqttQos.AT_LEAST_ONCE, false, 1);
        pub.publishAndComplete("t", "b", MqttQos.AT_LEAST_ONCE, false, 2);
        sub.expect(MqttPublish.class);
        // MQTT-3.3.4-10: a full window holds back PUBLISH only
        sub.send(MqttPingReq.INSTANCE);
        sub.expect(MqttPingResp.class);
        sub.publish("own", "x", MqttQos.AT_LEAST_ONCE, false, 7);
        assertThat(sub.expect(MqttPubAck.class).packetId()).isEqualTo(7);
    }

    private TestMqttClient subscriberWithReceiveMaximum(String clientId, int receiveMaximum, MqttQos qos) {
        TestMqttClient sub = client(MqttVersion.MQTT_5);
        sub.connect(sub.connectPacket(clientId, true, 60,
                MqttProperties.builder().receiveMaximum(receiveMaximum).build(), null));
        sub.subscribe(1, "t", qos);
        return sub;
    }
}
