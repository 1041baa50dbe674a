package io.mqttharness.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.mqttharness.broker.testsupport.BrokerTestBase;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttPacketEncoder;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPublish;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Topic Aliases sent by the broker (MQTT 5.0 section 3.3.2.3.4): only to clients that announced a Topic Alias
 * Maximum above 0, never above it (MQTT-3.1.2-26, MQTT-3.1.2-27, MQTT-3.3.2-11), least recently used mapping
 * replaced when all are taken, a fresh map per network connection, and the client's Maximum Packet Size checked
 * on the aliased packet.
 */
class OutboundTopicAliasTest extends BrokerTestBase {
    private static final Duration QUIET = Duration.ofMillis(300);

    @Test
    void first_use_sends_topic_and_alias_later_uses_alias_only_and_lru_alias_is_reused_when_all_are_taken() {
        startBroker();
        TestMqttClient sub = subscriber("sub", MqttProperties.builder().topicAliasMaximum(2).build());
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");

        for (String topic : List.of("t/1", "t/1", "t/2", "t/3", "t/2", "t/1")) {
            pub.publishAndComplete(topic, topic, MqttQos.AT_MOST_ONCE, false, 0);
        }

        List<MqttPublish> received = receive(sub, 6);
        assertThat(received).extracting(MqttPublish::topic, p -> p.properties().topicAlias()).containsExactly(
                tuple("t/1", 1),   // new mapping
                tuple("", 1),      // mapped: alias only
                tuple("t/2", 2),   // second free alias
                tuple("t/3", 1),   // all taken: t/1 is least recently used, its alias is reused
                tuple("", 2),      // t/2 still mapped
                tuple("t/1", 1));  // t/1 lost its alias; t/3 (alias 1) is now least recently used
        assertThat(received).extracting(TestMqttClient::text)
                .containsExactly("t/1", "t/1", "t/2", "t/3", "t/2", "t/1");
    }

    @Test
    void client_with_topic_alias_maximum_zero_or_absent_never_gets_an_alias() {
        startBroker();
        TestMqttClient zero = subscriber("zero", MqttProperties.builder().topicAliasMaximum(0).build());
        TestMqttClient absent = subscriber("absent", MqttProperties.EMPTY);
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");

        for (int i = 0; i < 3; i++) {
            pub.publishAndComplete("t/1", "m" + i, MqttQos.AT_MOST_ONCE, false, 0);
        }

        for (TestMqttClient c : List.of(zero, absent)) {
            assertThat(receive(c, 3)).allSatisfy(p -> {
                assertThat(p.topic()).isEqualTo("t/1");
                assertThat(p.properties().topicAlias()).isNull();
            });
        }
    }

    @Test
    void switched_off_broker_sends_no_alias_even_when_the_client_allows_them() {
        startBroker(b -> b.outboundTopicAliases(false));
        TestMqttClient sub = subscriber("sub", MqttProperties.builder().topicAliasMaximum(5).build());
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");

        pub.publishAndComplete("t/1", "a", MqttQos.AT_MOST_ONCE, false, 0);
        pub.publishAndComplete("t/1", "b", MqttQos.AT_MOST_ONCE, false, 0);

        assertThat(receive(sub, 2)).extracting(MqttPublish::topic, p -> p.properties().topicAlias())
                .containsExactly(tuple("t/1", null), tuple("t/1", null));
    }

    @Test
    void resumed_session_redelivers_with_full_topic_because_the_new_connection_starts_an_empty_alias_map() {
        startBroker();
        MqttProperties props = MqttProperties.builder().topicAliasMaximum(2).sessionExpiryInterval(300L).build();
        TestMqttClient first = subscriber("sub", props, MqttQos.AT_LEAST_ONCE);
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.publishAndComplete("t/1", "one", MqttQos.AT_LEAST_ONCE, false, 1);
        pub.publishAndComplete("t/1", "two", MqttQos.AT_LEAST_ONCE, false, 2);

        MqttPublish one = first.expect(MqttPublish.class);
        assertThat(one.topic()).isEqualTo("t/1");
        assertThat(one.properties().topicAlias()).isEqualTo(1);
        first.send(new MqttPubAck(one.packetId()));
        MqttPublish two = first.expect(MqttPublish.class);
        assertThat(two.topic()).isEmpty();
        assertThat(two.properties().topicAlias()).isEqualTo(1);
        first.close(); // "two" stays unacknowledged

        TestMqttClient again = client(MqttVersion.MQTT_5);
        MqttConnAck ack = again.connect(again.connectPacket("sub", false, 60, props, null));
        assertThat(ack.sessionPresent()).isTrue();
        MqttPublish resent = again.expect(MqttPublish.class);
        assertThat(resent.dup()).isTrue();
        assertThat(TestMqttClient.text(resent)).isEqualTo("two");
        assertThat(resent.topic()).isEqualTo("t/1");
        assertThat(resent.properties().topicAlias()).isEqualTo(1);
        again.send(new MqttPubAck(resent.packetId()));

        pub.publishAndComplete("t/1", "three", MqttQos.AT_LEAST_ONCE, false, 3);
        MqttPublish three = again.expect(MqttPublish.class);
        assertThat(three.topic()).isEmpty();
        assertThat(three.properties().topicAlias()).isEqualTo(1);
    }

    @Test
    void resumed_session_without_topic_alias_maximum_gets_no_alias_on_redelivery() {
        startBroker();
        TestMqttClient first = subscriber("sub", MqttProperties.builder().topicAliasMaximum(2)
                .sessionExpiryInterval(300L).build(), MqttQos.AT_LEAST_ONCE);
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.publishAndComplete("t/1", "one", MqttQos.AT_LEAST_ONCE, false, 1);
        assertThat(first.expect(MqttPublish.class).properties().topicAlias()).isEqualTo(1);
        first.close();

        TestMqttClient again = client(MqttVersion.MQTT_5);
        again.connect(again.connectPacket("sub", false, 60,
                MqttProperties.builder().sessionExpiryInterval(300L).build(), null));
        MqttPublish resent = again.expect(MqttPublish.class);
        assertThat(resent.dup()).isTrue();
        assertThat(resent.topic()).isEqualTo("t/1");
        assertThat(resent.properties().topicAlias()).isNull();
    }

    @Test
    void maximum_packet_size_is_checked_after_aliasing_and_a_dropped_message_creates_no_mapping() {
        startBroker();
        int max = 30;
        TestMqttClient sub = subscriber("sub", MqttProperties.builder().topicAliasMaximum(2)
                .maximumPacketSize((long) max).build());
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        // with topic "t/x" at QoS 0: 8 bytes + payload plain, 11 bytes + payload with a Topic Alias
        pub.publishAndComplete("t/1", "x".repeat(40), MqttQos.AT_MOST_ONCE, false, 0); // fits in no form: dropped
        pub.publishAndComplete("t/1", "a".repeat(19), MqttQos.AT_MOST_ONCE, false, 0); // 30 with alias
        pub.publishAndComplete("t/2", "b".repeat(20), MqttQos.AT_MOST_ONCE, false, 0); // 31 with alias, 28 plain
        pub.publishAndComplete("t/2", "c", MqttQos.AT_MOST_ONCE, false, 0);
        pub.publishAndComplete("t/1", "d", MqttQos.AT_MOST_ONCE, false, 0);

        List<MqttPublish> received = receive(sub, 4);
        sub.expectNoPacket(QUIET);
        assertThat(received).extracting(TestMqttClient::text)
                .containsExactly("a".repeat(19), "b".repeat(20), "c", "d");
        assertThat(received).extracting(MqttPublish::topic, p -> p.properties().topicAlias()).containsExactly(
                tuple("t/1", 1),      // the dropped message did not map t/1: the client never saw it
                tuple("t/2", null),   // too large with an alias: sent plain, no mapping made
                tuple("t/2", 2),
                tuple("", 1));
        assertThat(received).allSatisfy(p ->
                assertThat(MqttPacketEncoder.encodedSize(p, MqttVersion.MQTT_5)).isLessThanOrEqualTo(max));
        assertThat(MqttPacketEncoder.encodedSize(received.get(0), MqttVersion.MQTT_5)).isEqualTo(max);
        assertThat(broker.context().stats().messagesDropped()).isEqualTo(1);
    }

    private TestMqttClient subscriber(String clientId, MqttProperties connectProperties) {
        return subscriber(clientId, connectProperties, MqttQos.AT_MOST_ONCE);
    }

    private TestMqttClient subscriber(String clientId, MqttProperties connectProperties, MqttQos qos) {
        TestMqttClient c = client(MqttVersion.MQTT_5);
        c.connect(c.connectPacket(clientId, true, 60, connectProperties, null));
        c.subscribe(1, "t/#", qos);
        return c;
    }

    private static List<MqttPublish> receive(TestMqttClient client, int count) {
        List<MqttPublish> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            received.add(client.expect(MqttPublish.class));
        }
        return received;
    }
}
