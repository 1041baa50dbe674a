package io.mqttharness.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.testsupport.BrokerTestBase;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttPingReq;
import io.mqttharness.codec.packet.MqttPingResp;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.reason.MqttPubAckReasonCode;
import io.mqttharness.codec.reason.MqttPubRecReasonCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code message_size_limit} (mosquitto): a PUBLISH whose payload is larger is not forwarded; the connection stays
 * up. MQTT 5 QoS 1/2 publishers learn it from PUBACK/PUBREC 0x97 Quota exceeded; MQTT 3.1.1, which has no reason
 * codes, and QoS 0 get no sign of it (as in mosquitto). A payload of exactly the limit is accepted.
 */
class MessageSizeLimitTest extends BrokerTestBase {
    private static final int LIMIT = 10;
    private static final Duration QUIET = Duration.ofMillis(300);

    @Test
    void v5_qos1_above_the_limit_gets_quota_exceeded_and_is_not_forwarded() {
        startBroker(b -> b.messageSizeLimit(LIMIT));
        TestMqttClient sub = subscriber(MqttVersion.MQTT_5);
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.publish("t", "x".repeat(LIMIT + 1), MqttQos.AT_LEAST_ONCE, false, 1);
        assertThat(pub.expect(MqttPubAck.class).reasonCode()).isEqualTo(MqttPubAckReasonCode.QUOTA_EXCEEDED);
        pub.publish("t", "x".repeat(LIMIT), MqttQos.AT_LEAST_ONCE, false, 2);
        assertThat(pub.expect(MqttPubAck.class).reasonCode()).isEqualTo(MqttPubAckReasonCode.SUCCESS);
        assertThat(TestMqttClient.text(sub.expect(MqttPublish.class))).isEqualTo("x".repeat(LIMIT));
        sub.expectNoPacket(QUIET);
    }

    @Test
    void v5_qos2_above_the_limit_gets_pubrec_0x97_and_its_identifier_is_free_again() {
        startBroker(b -> b.messageSizeLimit(LIMIT));
        TestMqttClient sub = subscriber(MqttVersion.MQTT_5);
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.publish("t", "x".repeat(LIMIT + 1), MqttQos.EXACTLY_ONCE, false, 1);
        assertThat(pub.expect(MqttPubRec.class).reasonCode()).isEqualTo(MqttPubRecReasonCode.QUOTA_EXCEEDED);
        // MQTT-4.3.3-9: after a PUBREC >= 0x80 the same identifier starts a new message
        pub.publish("t", "small", MqttQos.EXACTLY_ONCE, false, 1);
        assertThat(pub.expect(MqttPubRec.class).reasonCode()).isEqualTo(MqttPubRecReasonCode.SUCCESS);
        pub.send(new MqttPubRel(1));
        pub.expect(MqttPubComp.class);
        assertThat(TestMqttClient.text(sub.expect(MqttPublish.class))).isEqualTo("small");
        sub.expectNoPacket(QUIET);
    }

    @Test
    void qos0_above_the_limit_is_dropped_and_the_connection_stays() {
        startBroker(b -> b.messageSizeLimit(LIMIT));
        TestMqttClient sub = subscriber(MqttVersion.MQTT_5);
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.publish("t", "x".repeat(LIMIT + 1), MqttQos.AT_MOST_ONCE, false, 0);
        pub.send(MqttPingReq.INSTANCE);
        pub.expect(MqttPingResp.class);
        sub.expectNoPacket(QUIET);
    }

    @Test
    void v311_above_the_limit_is_acknowledged_normally_and_not_forwarded() {
        startBroker(b -> b.messageSizeLimit(LIMIT));
        TestMqttClient sub = subscriber(MqttVersion.MQTT_3_1_1);
        TestMqttClient pub = connected(MqttVersion.MQTT_3_1_1, "pub");
        pub.publish("t", "x".repeat(LIMIT + 1), MqttQos.AT_LEAST_ONCE, false, 1);
        assertThat(pub.expect(MqttPubAck.class).packetId()).isEqualTo(1);
        pub.publishAndComplete("t", "ok", MqttQos.AT_LEAST_ONCE, false, 2);
        assertThat(TestMqttClient.text(sub.expect(MqttPublish.class))).isEqualTo("ok");
        sub.expectNoPacket(QUIET);
    }

    private TestMqttClient subscriber(MqttVersion version) {
        TestMqttClient sub = connected(version, "sub");
        sub.subscribe(1, "t", MqttQos.EXACTLY_ONCE);
        return sub;
    }
}
