package io.mqttharness.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.testsupport.BrokerTestBase;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttPacketEncoder;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPingReq;
import io.mqttharness.codec.packet.MqttPingResp;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.packet.MqttWill;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Maximum Packet Size in both directions (MQTT 5.0 sections 3.1.2.11.4 and 3.2.2.3.6): the broker never sends a
 * client a packet above the client's limit (MQTT-3.1.2-24), drops an application message that would be too large
 * for that client only (MQTT-3.1.2-25), leaves out Reason String and User Properties where they would make a packet
 * too large (e.g. MQTT-3.2.2-19, MQTT-3.14.2-3), and answers a packet above its own {@code max_packet_size} with
 * DISCONNECT 0x95 (the client broke MQTT-3.2.2-15).
 */
class MaximumPacketSizeTest extends BrokerTestBase {
    private static final Duration QUIET = Duration.ofMillis(300);

    @Test
    void message_too_large_for_one_subscriber_is_dropped_for_it_alone_and_never_retried() {
        startBroker();
        TestMqttClient small = client(MqttVersion.MQTT_5);
        small.connect(small.connectPacket("small", true, 60, MqttProperties.builder().maximumPacketSize(60L)
                .receiveMaximum(1).sessionExpiryInterval(300L).build(), null));
        small.subscribe(1, "t", MqttQos.AT_LEAST_ONCE);
        TestMqttClient big = connected(MqttVersion.MQTT_5, "big");
        big.subscribe(1, "t", MqttQos.AT_LEAST_ONCE);
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");

        pub.publishAndComplete("t", "x".repeat(100), MqttQos.AT_LEAST_ONCE, false, 1);
        pub.publishAndComplete("t", "y".repeat(100), MqttQos.AT_MOST_ONCE, false, 0);
        pub.publishAndComplete("t", "ok", MqttQos.AT_LEAST_ONCE, false, 2);

        MqttPublish b1 = big.expect(MqttPublish.class);
        assertThat(TestMqttClient.text(b1)).isEqualTo("x".repeat(100));
        assertThat(TestMqttClient.text(big.expect(MqttPublish.class))).isEqualTo("y".repeat(100));
        assertThat(TestMqttClient.text(big.expect(MqttPublish.class))).isEqualTo("ok");
        // Receive Maximum 1: "ok" only arrives because the dropped QoS 1 message counts as delivered
        MqttPublish ok = small.expect(MqttPublish.class);
        assertThat(TestMqttClient.text(ok)).isEqualTo("ok");
        small.send(new MqttPubAck(ok.packetId()));
        small.expectNoPacket(QUIET);
        assertThat(broker.context().stats().messagesDropped()).isEqualTo(2);

        // no later retry: the resumed session has nothing to retransmit
        small.disconnect();
        TestMqttClient again = client(MqttVersion.MQTT_5);
        MqttConnAck ack = again.connect(again.connectPacket("small", false, 60,
                MqttProperties.builder().maximumPacketSize(60L).sessionExpiryInterval(300L).build(), null));
        assertThat(ack.sessionPresent()).isTrue();
        again.expectNoPacket(QUIET);
    }

    @Test
    void disconnect_reason_string_is_left_out_when_it_would_exceed_the_client_limit() {
        startBroker(b -> b.maxQos(1));
        TestMqttClient limited = client(MqttVersion.MQTT_5);
        limited.connect(limited.connectPacket("limited", true, 60,
                MqttProperties.builder().maximumPacketSize(20L).build(), null));
        limited.publish("t", "q2", MqttQos.EXACTLY_ONCE, false, 1);
        MqttDisconnect d = limited.expect(MqttDisconnect.class);
        assertThat(d.reasonCode()).isEqualTo(MqttDisconnectReasonCode.QOS_NOT_SUPPORTED);
        assertThat(d.properties().reasonString()).isNull();
        assertThat(MqttPacketEncoder.encodedSize(d, MqttVersion.MQTT_5)).isLessThanOrEqualTo(20);
        limited.expectClosed();

        // the same error without a limit carries the Reason String: it was removed above only for the size
        TestMqttClient unlimited = connected(MqttVersion.MQTT_5, "unlimited");
        unlimited.publish("t", "q2", MqttQos.EXACTLY_ONCE, false, 1);
        assertThat(unlimited.expect(MqttDisconnect.class).properties().reasonString()).isNotNull();
    }

    @Test
    void refusing_connack_reason_string_is_left_out_when_it_would_exceed_the_client_limit() {
        startBroker(b -> b.maxQos(1));
        MqttWill will = new MqttWill("w", "bye".getBytes(StandardCharsets.UTF_8), MqttQos.EXACTLY_ONCE, false,
                MqttProperties.EMPTY);
        TestMqttClient limited = client(MqttVersion.MQTT_5);
        MqttConnAck refused = limited.connect(new MqttConnect(MqttVersion.MQTT_5, true, 60, "limited",
                MqttProperties.builder().maximumPacketSize(10L).build(), will, null, null));
        assertThat(refused.reasonCode()).isEqualTo(MqttConnectReasonCode.QOS_NOT_SUPPORTED);
        assertThat(refused.properties().reasonString()).isNull();
        limited.expectClosed();

        TestMqttClient unlimited = client(MqttVersion.MQTT_5);
        MqttConnAck withReason = unlimited.connect(new MqttConnect(MqttVersion.MQTT_5, true, 60, "unlimited",
                MqttProperties.EMPTY, will, null, null));
        assertThat(withReason.reasonCode()).isEqualTo(MqttConnectReasonCode.QOS_NOT_SUPPORTED);
        assertThat(withReason.properties().reasonString()).isNotNull();
    }

    @Test
    void connack_leaves_out_default_properties_to_fit_a_small_client_limit() {
        startBroker();
        TestMqttClient reference = client(MqttVersion.MQTT_5);
        MqttConnAck full = reference.connect("reference", true);
        assertThat(full.properties().wildcardSubscriptionAvailable()).isEqualTo(1);
        assertThat(MqttPacketEncoder.encodedSize(full, MqttVersion.MQTT_5)).isGreaterThan(12);

        TestMqttClient c = client(MqttVersion.MQTT_5);
        MqttConnAck ack = c.connect(c.connectPacket("tiny", true, 60,
                MqttProperties.builder().maximumPacketSize(12L).build(), null));
        assertThat(ack.reasonCode()).isEqualTo(MqttConnectReasonCode.SUCCESS);
        assertThat(MqttPacketEncoder.encodedSize(ack, MqttVersion.MQTT_5)).isLessThanOrEqualTo(12);
        // absent means "available": the meaning is unchanged, and the limits the client must obey are still there
        assertThat(ack.properties().wildcardSubscriptionAvailable()).isNull();
        assertThat(ack.properties().topicAliasMaximum()).isEqualTo(full.properties().topicAliasMaximum());
        c.send(MqttPingReq.INSTANCE);
        c.expect(MqttPingResp.class);
    }

    @Test
    void client_limit_below_the_smallest_connack_closes_the_connection_instead_of_hanging() {
        startBroker();
        TestMqttClient c = client(MqttVersion.MQTT_5);
        c.send(c.connectPacket("tiny", true, 60, MqttProperties.builder().maximumPacketSize(5L).build(), null));
        c.expectClosed();
        assertThat(broker.context().sessions().get("tiny")).isNull();
    }

    @Test
    void packet_above_broker_maximum_packet_size_gets_disconnect_0x95_and_is_not_routed() {
        startBroker(b -> b.maxPacketSize(100));
        TestMqttClient sub = connected(MqttVersion.MQTT_5, "sub");
        sub.subscribe(1, "t", MqttQos.AT_MOST_ONCE);
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        MqttPublish atLimit = qos0("t", 100);
        MqttPublish aboveLimit = qos0("t", 101);

        pub.send(atLimit);
        assertThat(sub.expect(MqttPublish.class).payload()).hasSize(atLimit.payload().length);
        pub.send(aboveLimit);
        MqttDisconnect d = pub.expect(MqttDisconnect.class);
        assertThat(d.reasonCode()).isEqualTo(MqttDisconnectReasonCode.PACKET_TOO_LARGE);
        pub.expectClosed();
        sub.expectNoPacket(QUIET);
    }

    @Test
    void v311_packet_above_broker_maximum_packet_size_closes_the_connection() {
        startBroker(b -> b.maxPacketSize(100));
        TestMqttClient pub = connected(MqttVersion.MQTT_3_1_1, "pub");
        pub.publish("t", "x".repeat(200), MqttQos.AT_LEAST_ONCE, false, 1);
        // MQTT 3.1.1 has no DISCONNECT from the server: the connection is just closed, no PUBACK
        pub.expectClosed();
    }

    @Test
    void connect_above_broker_maximum_packet_size_gets_connack_0x95() {
        startBroker(b -> b.maxPacketSize(100));
        TestMqttClient c = client(MqttVersion.MQTT_5);
        MqttConnAck ack = c.connect(c.connectPacket("c".repeat(150), true, 60, MqttProperties.EMPTY, null));
        assertThat(ack.reasonCode()).isEqualTo(MqttConnectReasonCode.PACKET_TOO_LARGE);
        c.expectClosed();
    }

    /** A QoS 0 PUBLISH of exactly {@code packetSize} bytes on the wire (MQTT 5). */
    private static MqttPublish qos0(String topic, int packetSize) {
        MqttPublish empty = new MqttPublish(false, MqttQos.AT_MOST_ONCE, false, topic, 0, MqttProperties.EMPTY,
                new byte[0]);
        int payload = packetSize - MqttPacketEncoder.encodedSize(empty, MqttVersion.MQTT_5);
        MqttPublish p = new MqttPublish(false, MqttQos.AT_MOST_ONCE, false, topic, 0, MqttProperties.EMPTY,
                new byte[payload]);
        assertThat(MqttPacketEncoder.encodedSize(p, MqttVersion.MQTT_5)).isEqualTo(packetSize);
        return p;
    }
}
