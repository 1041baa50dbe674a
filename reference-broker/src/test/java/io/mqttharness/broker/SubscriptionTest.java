package io.mqttharness.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.testsupport.BrokerTestBase;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.packet.MqttSubAck;
import io.mqttharness.codec.packet.MqttSubscription;
import io.mqttharness.codec.packet.MqttUnsubAck;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.mqttharness.codec.reason.MqttSubAckReasonCode;
import io.mqttharness.codec.reason.MqttUnsubAckReasonCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionTest extends BrokerTestBase {

    @Test
    void suback_has_one_code_per_filter_in_order() {
        startBroker(b -> b.maxQos(1));
        TestMqttClient c = connected(MqttVersion.MQTT_5, "c");
        MqttSubAck ack = c.subscribe(1, List.of(new MqttSubscription("a", MqttQos.EXACTLY_ONCE),
                new MqttSubscription("b", MqttQos.AT_MOST_ONCE), new MqttSubscription("c/#", MqttQos.AT_LEAST_ONCE)),
                MqttProperties.EMPTY);
        assertThat(ack.packetId()).isEqualTo(1);
        assertThat(ack.reasonCodes()).containsExactly(MqttSubAckReasonCode.GRANTED_QOS_1,
                MqttSubAckReasonCode.GRANTED_QOS_0, MqttSubAckReasonCode.GRANTED_QOS_1);
    }

    @Test
    void v5_unsuback_reports_missing_subscriptions() {
        startBroker();
        TestMqttClient c = connected(MqttVersion.MQTT_5, "c");
        c.subscribe(1, "a", MqttQos.AT_MOST_ONCE);
        MqttUnsubAck ack = c.unsubscribe(2, "a", "b");
        assertThat(ack.reasonCodes()).containsExactly(MqttUnsubAckReasonCode.SUCCESS,
                MqttUnsubAckReasonCode.NO_SUBSCRIPTION_EXISTED);
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.publish("a", "x", MqttQos.AT_MOST_ONCE, false, 0);
        c.expectNoPacket(Duration.ofMillis(200));
    }

    @Test
    void v311_unsuback_is_sent_even_when_nothing_matched() {
        startBroker();
        TestMqttClient c = connected(MqttVersion.MQTT_3_1_1, "c");
        assertThat(c.unsubscribe(5, "nothing").packetId()).isEqualTo(5);
    }

    @Test
    void overlapping_subscriptions_deliver_one_message_with_max_qos_and_all_subscription_ids() {
        startBroker();
        TestMqttClient c = connected(MqttVersion.MQTT_5, "c");
        c.subscribe(1, List.of(new MqttSubscription("a/+", MqttQos.AT_MOST_ONCE)),
                MqttProperties.builder().addSubscriptionIdentifier(11).build());
        c.subscribe(2, List.of(new MqttSubscription("a/#", MqttQos.AT_LEAST_ONCE)),
                MqttProperties.builder().addSubscriptionIdentifier(22).build());
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.publishAndComplete("a/b", "x", MqttQos.AT_LEAST_ONCE, false, 1);
        MqttPublish p = c.expect(MqttPublish.class);
        assertThat(p.qos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
        assertThat(p.properties().subscriptionIdentifiers()).containsExactlyInAnyOrder(11, 22);
        c.send(new MqttPubAck(p.packetId()));
        c.expectNoPacket(Duration.ofMillis(200));
    }

    @Test
    void v311_overlapping_subscriptions_deliver_once_with_max_qos() {
        startBroker();
        TestMqttClient c = connected(MqttVersion.MQTT_3_1_1, "c");
        c.subscribe(1, "a/+", MqttQos.AT_LEAST_ONCE);
        c.subscribe(2, "a/#", MqttQos.AT_MOST_ONCE);
        TestMqttClient pub = connected(MqttVersion.MQTT_3_1_1, "pub");
        pub.publishAndComplete("a/b", "x", MqttQos.EXACTLY_ONCE, false, 1);
        assertThat(c.expect(MqttPublish.class).qos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
        c.expectNoPacket(Duration.ofMillis(200));
    }

    @Test
    void no_local_suppresses_the_publishers_own_messages() {
        startBroker();
        TestMqttClient c = connected(MqttVersion.MQTT_5, "c");
        c.subscribe(1, List.of(new MqttSubscription("t", MqttQos.AT_MOST_ONCE, true, false, 0)), MqttProperties.EMPTY);
        TestMqttClient other = connected(MqttVersion.MQTT_5, "other");
        c.publish("t", "own", MqttQos.AT_MOST_ONCE, false, 0);
        other.publish("t", "foreign", MqttQos.AT_MOST_ONCE, false, 0);
        assertThat(TestMqttClient.text(c.expect(MqttPublish.class))).isEqualTo("foreign");
    }

    @Test
    void no_local_on_a_shared_subscription_is_a_protocol_error() {
        startBroker();
        TestMqttClient c = connected(MqttVersion.MQTT_5, "c");
        c.send(new io.mqttharness.codec.packet.MqttSubscribe(1,
                List.of(new MqttSubscription("$share/g/t", MqttQos.AT_MOST_ONCE, true, false, 0)), MqttProperties.EMPTY));
        assertThat(c.expect(MqttDisconnect.class).reasonCode()).isEqualTo(MqttDisconnectReasonCode.PROTOCOL_ERROR);
    }

    @Test
    void shared_subscription_delivers_each_message_to_one_member() {
        startBroker();
        TestMqttClient a = connected(MqttVersion.MQTT_5, "a");
        TestMqttClient b = connected(MqttVersion.MQTT_5, "b");
        a.subscribe(1, "$share/g/work", MqttQos.AT_MOST_ONCE);
        b.subscribe(1, "$share/g/work", MqttQos.AT_MOST_ONCE);
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        for (int i = 0; i < 4; i++) {
            pub.publish("work", Integer.toString(i), MqttQos.AT_MOST_ONCE, false, 0);
        }
        pub.publishAndComplete("sync", "", MqttQos.AT_LEAST_ONCE, false, 1);
        int received = 0;
        for (TestMqttClient member : List.of(a, b)) {
            while (true) {
                try {
                    member.next(Duration.ofMillis(300));
                    received++;
                } catch (AssertionError none) {
                    break;
                }
            }
        }
        assertThat(received).isEqualTo(4);
    }

    @Test
    void subscribe_not_allowed_by_acl_is_refused(@TempDir Path dir) throws IOException {
        Path acl = dir.resolve("acl");
        Files.writeString(acl, "topic readwrite allowed/#\n");
        startBroker(b -> b.aclFile(acl));
        TestMqttClient v5 = connected(MqttVersion.MQTT_5, "c5");
        assertThat(v5.subscribe(1, List.of(new MqttSubscription("allowed/x", MqttQos.AT_MOST_ONCE),
                new MqttSubscription("secret", MqttQos.AT_MOST_ONCE)), MqttProperties.EMPTY).reasonCodes())
                .containsExactly(MqttSubAckReasonCode.GRANTED_QOS_0, MqttSubAckReasonCode.NOT_AUTHORIZED);
        TestMqttClient v3 = connected(MqttVersion.MQTT_3_1_1, "c3");
        assertThat(v3.subscribe(1, "secret", MqttQos.AT_MOST_ONCE).reasonCodes())
                .containsExactly(MqttSubAckReasonCode.UNSPECIFIED_ERROR);
        v5.publish("secret", "x", MqttQos.AT_LEAST_ONCE, false, 2);
        assertThat(v5.expect(MqttPubAck.class).reasonCode())
                .isEqualTo(io.mqttharness.codec.reason.MqttPubAckReasonCode.NOT_AUTHORIZED);
    }
}
