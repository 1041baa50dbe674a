package io.mqttharness.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.testsupport.BrokerTestBase;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.mqttharness.codec.reason.MqttPubAckReasonCode;
import io.mqttharness.codec.reason.MqttPubCompReasonCode;
import io.mqttharness.codec.reason.MqttPubRecReasonCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PublishFlowTest extends BrokerTestBase {

    @ParameterizedTest
    @EnumSource(value = MqttVersion.class, names = {"MQTT_3_1_1", "MQTT_5"})
    void qos1_both_directions(MqttVersion version) {
        startBroker();
        TestMqttClient sub = connected(version, "sub");
        sub.subscribe(1, "t", MqttQos.AT_LEAST_ONCE);
        TestMqttClient pub = connected(version, "pub");
        pub.publish("t", "one", MqttQos.AT_LEAST_ONCE, false, 7);
        MqttPubAck ack = pub.expect(MqttPubAck.class);
        assertThat(ack.packetId()).isEqualTo(7);
        assertThat(ack.reasonCode()).isEqualTo(MqttPubAckReasonCode.SUCCESS);

        MqttPublish p = sub.expect(MqttPublish.class);
        assertThat(p.qos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
        assertThat(p.dup()).isFalse();
        assertThat(p.packetId()).isBetween(1, 65535);
        sub.send(new MqttPubAck(p.packetId()));
        sub.expectNoPacket(Duration.ofMillis(200));
    }

    @ParameterizedTest
    @EnumSource(value = MqttVersion.class, names = {"MQTT_3_1_1", "MQTT_5"})
    void qos2_both_directions_and_duplicate_publish_is_not_redelivered(MqttVersion version) {
        startBroker();
        TestMqttClient sub = connected(version, "sub");
        sub.subscribe(1, "t", MqttQos.EXACTLY_ONCE);
        TestMqttClient pub = connected(version, "pub");
        pub.publish("t", "two", MqttQos.EXACTLY_ONCE, false, 9);
        assertThat(pub.expect(MqttPubRec.class).packetId()).isEqualTo(9);
        // the same packet id again before PUBREL: PUBREC again, no second delivery [MQTT-4.3.3-9]
        pub.send(new MqttPublish(true, MqttQos.EXACTLY_ONCE, false, "t", 9, MqttProperties.EMPTY,
                "two".getBytes(StandardCharsets.UTF_8)));
        assertThat(pub.expect(MqttPubRec.class).packetId()).isEqualTo(9);
        pub.send(new MqttPubRel(9));
        assertThat(pub.expect(MqttPubComp.class).reasonCode()).isEqualTo(MqttPubCompReasonCode.SUCCESS);

        MqttPublish p = sub.expect(MqttPublish.class);
        assertThat(p.qos()).isEqualTo(MqttQos.EXACTLY_ONCE);
        sub.send(new MqttPubRec(p.packetId()));
        assertThat(sub.expect(MqttPubRel.class).packetId()).isEqualTo(p.packetId());
        sub.send(new MqttPubComp(p.packetId()));
        sub.expectNoPacket(Duration.ofMillis(200));
    }

    @Test
    void delivery_qos_is_the_minimum_of_publish_and_granted_qos() {
        startBroker();
        TestMqttClient sub = connected(MqttVersion.MQTT_5, "sub");
        sub.subscribe(1, "t", MqttQos.AT_LEAST_ONCE);
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.publishAndComplete("t", "x", MqttQos.EXACTLY_ONCE, false, 1);
        assertThat(sub.expect(MqttPublish.class).qos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
        pub.publish("t", "y", MqttQos.AT_MOST_ONCE, false, 0);
        // the QoS 1 message is still unacknowledged, but QoS 0 does not need the window
        assertThat(sub.expect(MqttPublish.class).qos()).isEqualTo(MqttQos.AT_MOST_ONCE);
    }

    @Test
    void v5_pubrel_for_unknown_packet_id_gets_pubcomp_0x92() {
        startBroker();
        TestMqttClient c = connected(MqttVersion.MQTT_5, "c");
        c.send(new MqttPubRel(42));
        MqttPubComp comp = c.expect(MqttPubComp.class);
        assertThat(comp.reasonCode()).isEqualTo(MqttPubCompReasonCode.PACKET_IDENTIFIER_NOT_FOUND);
    }

    @Test
    void v5_publish_without_subscribers_is_acknowledged_with_no_matching_subscribers() {
        startBroker();
        TestMqttClient c = connected(MqttVersion.MQTT_5, "c");
        c.publish("nobody", "x", MqttQos.AT_LEAST_ONCE, false, 1);
        assertThat(c.expect(MqttPubAck.class).reasonCode()).isEqualTo(MqttPubAckReasonCode.NO_MATCHING_SUBSCRIBERS);
        c.publish("nobody", "x", MqttQos.EXACTLY_ONCE, false, 2);
        assertThat(c.expect(MqttPubRec.class).reasonCode()).isEqualTo(MqttPubRecReasonCode.NO_MATCHING_SUBSCRIBERS);
    }

    @Test
    void v5_exceeding_our_receive_maximum_gets_disconnect_0x93() {
        startBroker(b -> b.receiveMaximum(2));
        TestMqttClient c = connected(MqttVersion.MQTT_5, "c");
        c.publish("t", "1", MqttQos.EXACTLY_ONCE, false, 1);
        c.expect(MqttPubRec.class);
        c.publish("t", "2", MqttQos.EXACTLY_ONCE, false, 2);
        c.expect(MqttPubRec.class);
        c.publish("t", "3", MqttQos.EXACTLY_ONCE, false, 3);
        assertThat(c.expect(MqttDisconnect.class).reasonCode())
                .isEqualTo(MqttDisconnectReasonCode.RECEIVE_MAXIMUM_EXCEEDED);
        c.expectClosed();
    }

    @Test
    void outbound_inflight_window_follows_the_client_receive_maximum() {
        startBroker();
        TestMqttClient sub = client(MqttVersion.MQTT_5);
        sub.connect(sub.connectPacket("sub", true, 60, MqttProperties.builder().receiveMaximum(1).build(), null));
        sub.subscribe(1, "t", MqttQos.AT_LEAST_ONCE);
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.publishAndComplete("t", "1", MqttQos.AT_LEAST_ONCE, false, 1);
        pub.publishAndComplete("t", "2", MqttQos.AT_LEAST_ONCE, false, 2);
        MqttPublish first = sub.expect(MqttPublish.class);
        assertThat(TestMqttClient.text(first)).isEqualTo("1");
        sub.expectNoPacket(Duration.ofMillis(300));
        sub.send(new MqttPubAck(first.packetId()));
        assertThat(TestMqttClient.text(sub.expect(MqttPublish.class))).isEqualTo("2");
    }

    @Test
    void v5_topic_alias_is_resolved_for_later_publishes() {
        startBroker(b -> b.topicAliasMaximum(5));
        TestMqttClient sub = connected(MqttVersion.MQTT_5, "sub");
        sub.subscribe(1, "long/topic/name", MqttQos.AT_MOST_ONCE);
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        MqttProperties alias = MqttProperties.builder().topicAlias(3).build();
        pub.send(new MqttPublish(false, MqttQos.AT_MOST_ONCE, false, "long/topic/name", 0, alias, new byte[] {1}));
        pub.send(new MqttPublish(false, MqttQos.AT_MOST_ONCE, false, "", 0, alias, new byte[] {2}));
        MqttPublish a = sub.expect(MqttPublish.class);
        MqttPublish b = sub.expect(MqttPublish.class);
        assertThat(a.topic()).isEqualTo("long/topic/name");
        assertThat(b.topic()).isEqualTo("long/topic/name");
        assertThat(b.payload()).containsExactly(2);
        assertThat(b.properties().topicAlias()).isNull();
    }

    @Test
    void v5_topic_alias_above_maximum_gets_disconnect_0x94() {
        startBroker(b -> b.topicAliasMaximum(2));
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.send(new MqttPublish(false, MqttQos.AT_MOST_ONCE, false, "t", 0,
                MqttProperties.builder().topicAlias(3).build(), new byte[] {1}));
        assertThat(pub.expect(MqttDisconnect.class).reasonCode()).isEqualTo(MqttDisconnectReasonCode.TOPIC_ALIAS_INVALID);
    }

    @Test
    void v5_unknown_topic_alias_with_empty_topic_is_a_protocol_error() {
        startBroker(b -> b.topicAliasMaximum(2));
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.send(new MqttPublish(false, MqttQos.AT_MOST_ONCE, false, "", 0,
                MqttProperties.builder().topicAlias(1).build(), new byte[] {1}));
        assertThat(pub.expect(MqttDisconnect.class).reasonCode()).isEqualTo(MqttDisconnectReasonCode.PROTOCOL_ERROR);
    }

    @Test
    void v5_publish_above_maximum_qos_gets_disconnect_0x9b() {
        startBroker(b -> b.maxQos(1));
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.publish("t", "x", MqttQos.EXACTLY_ONCE, false, 1);
        assertThat(pub.expect(MqttDisconnect.class).reasonCode()).isEqualTo(MqttDisconnectReasonCode.QOS_NOT_SUPPORTED);
    }

    @Test
    void v5_retained_publish_when_retain_is_unavailable_gets_disconnect_0x9a() {
        startBroker(b -> b.retainAvailable(false));
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.publish("t", "x", MqttQos.AT_MOST_ONCE, true, 0);
        assertThat(pub.expect(MqttDisconnect.class).reasonCode())
                .isEqualTo(MqttDisconnectReasonCode.RETAIN_NOT_SUPPORTED);
    }

    @Test
    void v5_invalid_utf8_payload_with_format_indicator_1_gets_puback_0x99() {
        startBroker();
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.send(new MqttPublish(false, MqttQos.AT_LEAST_ONCE, false, "t", 1,
                MqttProperties.builder().payloadFormatIndicator(1).build(), new byte[] {(byte) 0xC3, (byte) 0x28}));
        assertThat(pub.expect(MqttPubAck.class).reasonCode()).isEqualTo(MqttPubAckReasonCode.PAYLOAD_FORMAT_INVALID);
    }

    @Test
    void publishing_to_sys_topics_is_refused() {
        startBroker();
        TestMqttClient sub = connected(MqttVersion.MQTT_5, "sub");
        sub.subscribe(1, "$SYS/#", MqttQos.AT_MOST_ONCE);
        TestMqttClient v5 = connected(MqttVersion.MQTT_5, "pub5");
        v5.publish("$SYS/broker/uptime", "0", MqttQos.AT_LEAST_ONCE, false, 1);
        assertThat(v5.expect(MqttPubAck.class).reasonCode()).isEqualTo(MqttPubAckReasonCode.NOT_AUTHORIZED);
        TestMqttClient v3 = connected(MqttVersion.MQTT_3_1_1, "pub3");
        v3.publish("$SYS/broker/uptime", "0", MqttQos.AT_LEAST_ONCE, false, 1);
        assertThat(v3.expect(MqttPubAck.class).reasonCode()).isEqualTo(MqttPubAckReasonCode.SUCCESS);
        sub.expectNoPacket(Duration.ofMillis(200));
    }

    @Test
    void v5_message_size_limit_gets_quota_exceeded() {
        startBroker(b -> b.messageSizeLimit(3));
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.publish("t", "toolong", MqttQos.AT_LEAST_ONCE, false, 1);
        assertThat(pub.expect(MqttPubAck.class).reasonCode()).isEqualTo(MqttPubAckReasonCode.QUOTA_EXCEEDED);
    }

    @Test
    void v5_message_larger_than_client_maximum_packet_size_is_not_sent() {
        startBroker();
        TestMqttClient sub = client(MqttVersion.MQTT_5);
        sub.connect(sub.connectPacket("sub", true, 60, MqttProperties.builder().maximumPacketSize(20L).build(), null));
        sub.subscribe(1, "t", MqttQos.AT_LEAST_ONCE);
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.publishAndComplete("t", "x".repeat(50), MqttQos.AT_LEAST_ONCE, false, 1);
        pub.publishAndComplete("t", "ok", MqttQos.AT_LEAST_ONCE, false, 2);
        MqttPublish p = sub.expect(MqttPublish.class);
        assertThat(TestMqttClient.text(p)).isEqualTo("ok");
    }

    @Test
    void messages_of_one_publisher_arrive_in_order() {
        startBroker();
        TestMqttClient sub = connected(MqttVersion.MQTT_5, "sub");
        sub.subscribe(1, "t", MqttQos.AT_LEAST_ONCE);
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        for (int i = 1; i <= 50; i++) {
            pub.publish("t", Integer.toString(i), MqttQos.AT_LEAST_ONCE, false, i);
        }
        for (int i = 1; i <= 50; i++) {
            MqttPublish p = sub.expect(MqttPublish.class);
            assertThat(TestMqttClient.text(p)).isEqualTo(Integer.toString(i));
            sub.send(new MqttPubAck(p.packetId()));
        }
    }

    @Test
    void qos1_copy_for_a_subscriber_on_the_same_loop_is_written_before_the_puback() {
        startBroker(b -> b.ioThreads(1));
        TestMqttClient self = connected(MqttVersion.MQTT_5, "self");
        self.subscribe(1, "t", MqttQos.AT_LEAST_ONCE);
        self.publish("t", "x", MqttQos.AT_LEAST_ONCE, false, 5);
        // the order of the two is not normative; delivering first (as mosquitto does) keeps the PUBACK's send out of
        // the delivery's latency (SameLoopDeliveries)
        MqttPublish copy = self.expect(MqttPublish.class);
        assertThat(TestMqttClient.text(copy)).isEqualTo("x");
        assertThat(self.expect(MqttPubAck.class).packetId()).isEqualTo(5);
        self.acknowledge(copy);
        self.expectNoPacket(Duration.ofMillis(200));
    }

    @Test
    void qos2_copy_waits_for_the_pubrec() {
        startBroker(b -> b.ioThreads(1));
        TestMqttClient self = connected(MqttVersion.MQTT_5, "self");
        self.subscribe(1, "t", MqttQos.EXACTLY_ONCE);
        self.publish("t", "x", MqttQos.EXACTLY_ONCE, false, 6);
        // the Packet Identifier is remembered before any copy leaves, so the flush task writes it after the PUBREC
        assertThat(self.expect(MqttPubRec.class).packetId()).isEqualTo(6);
        MqttPublish copy = self.expect(MqttPublish.class);
        assertThat(copy.qos()).isEqualTo(MqttQos.EXACTLY_ONCE);
        self.acknowledge(copy);
        self.send(new MqttPubRel(6));
        assertThat(self.expect(MqttPubComp.class).packetId()).isEqualTo(6);
    }
}
