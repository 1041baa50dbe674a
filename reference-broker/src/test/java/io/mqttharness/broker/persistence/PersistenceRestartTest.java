package io.mqttharness.broker.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttUserProperty;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.packet.MqttSubscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What survives a clean restart of a broker with persistence, and what must not. */
class PersistenceRestartTest extends PersistenceTestBase {
    private static final long HOUR = 3600;

    @Test
    void persistent_session_and_subscriptions_survive_restart() {
        start();
        TestMqttClient sub = connectV5("sub", true, HOUR);
        sub.subscribe(1, List.of(new MqttSubscription("a/#", MqttQos.AT_LEAST_ONCE)),
                MqttProperties.builder().subscriptionIdentifiers(List.of(42)).build());
        sub.subscribe(2, "b", MqttQos.EXACTLY_ONCE);
        sub.subscribe(3, "gone", MqttQos.AT_LEAST_ONCE);
        sub.unsubscribe(4, "gone");
        sub.disconnect();

        restart();
        Connected again = connect("sub", false, HOUR);
        assertThat(again.connAck().sessionPresent()).isTrue();
        TestMqttClient pub = connectV5("pub", true, 0);
        pub.publishAndComplete("a/x", "one", MqttQos.EXACTLY_ONCE, false, 1);
        pub.publishAndComplete("b", "two", MqttQos.EXACTLY_ONCE, false, 2);
        pub.publishAndComplete("gone", "three", MqttQos.AT_LEAST_ONCE, false, 3);

        List<MqttPublish> got = new Receiver(again.client()).until(r -> r.size() == 2, Duration.ofSeconds(5))
                .drain(Duration.ofMillis(300)).received();
        assertThat(got).extracting(PersistenceTestBase::text).containsExactly("one", "two");
        assertThat(got.get(0).qos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
        assertThat(got.get(0).properties().subscriptionIdentifiers()).containsExactly(42);
        assertThat(got.get(1).qos()).isEqualTo(MqttQos.EXACTLY_ONCE);
    }

    @ParameterizedTest(name = "fsync {0}")
    @ValueSource(booleans = {false, true})
    void queued_qos1_and_qos2_messages_are_delivered_in_order_after_restart(boolean withFsync) {
        fsync = withFsync;
        start();
        TestMqttClient sub = connectV5("sub", true, HOUR);
        sub.subscribe(1, "q", MqttQos.EXACTLY_ONCE);
        sub.disconnect();
        TestMqttClient pub = connectV5("pub", true, 0);
        for (int i = 1; i <= 10; i++) {
            pub.publishAndComplete("q", "m" + i, i % 2 == 0 ? MqttQos.EXACTLY_ONCE : MqttQos.AT_LEAST_ONCE, false, i);
        }

        restart();
        Connected again = connect("sub", false, HOUR);
        assertThat(again.connAck().sessionPresent()).isTrue();
        List<MqttPublish> got = new Receiver(again.client()).until(r -> r.size() == 10, Duration.ofSeconds(5))
                .drain(Duration.ofMillis(300)).received();
        assertThat(got).extracting(PersistenceTestBase::text)
                .containsExactly("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10");
        for (int i = 0; i < 10; i++) {
            assertThat(got.get(i).qos()).isEqualTo(i % 2 == 1 ? MqttQos.EXACTLY_ONCE : MqttQos.AT_LEAST_ONCE);
            assertThat(got.get(i).dup()).isFalse();
        }
    }

    @Test
    void unacknowledged_outbound_messages_are_resent_with_dup_and_pubrel_after_restart() {
        start();
        TestMqttClient sub = connectV5("sub", true, HOUR);
        sub.subscribe(1, "t", MqttQos.EXACTLY_ONCE);
        TestMqttClient pub = connectV5("pub", true, 0);
        pub.publishAndComplete("t", "q1", MqttQos.AT_LEAST_ONCE, false, 1);
        pub.publishAndComplete("t", "q2-released", MqttQos.EXACTLY_ONCE, false, 2);
        pub.publishAndComplete("t", "q2", MqttQos.EXACTLY_ONCE, false, 3);
        MqttPublish first = sub.expect(MqttPublish.class);
        MqttPublish second = sub.expect(MqttPublish.class);
        MqttPublish third = sub.expect(MqttPublish.class);
        sub.send(new MqttPubRec(second.packetId()));
        sub.expect(MqttPubRel.class);

        restart();
        TestMqttClient again = connect("sub", false, HOUR).client();
        MqttPublish resent1 = again.expect(MqttPublish.class);
        assertThat(resent1.dup()).isTrue();
        assertThat(resent1.packetId()).isEqualTo(first.packetId());
        assertThat(text(resent1)).isEqualTo("q1");
        assertThat(again.expect(MqttPubRel.class).packetId()).isEqualTo(second.packetId());
        MqttPublish resent3 = again.expect(MqttPublish.class);
        assertThat(resent3.dup()).isTrue();
        assertThat(resent3.packetId()).isEqualTo(third.packetId());
        assertThat(resent3.qos()).isEqualTo(MqttQos.EXACTLY_ONCE);
        assertThat(text(resent3)).isEqualTo("q2");

        // completing them clears them for good
        again.send(new MqttPubAck(resent1.packetId()));
        again.send(new MqttPubComp(second.packetId()));
        again.acknowledge(resent3);
        again.expectNoPacket(Duration.ofMillis(200));
        restart();
        TestMqttClient third3 = connect("sub", false, HOUR).client();
        third3.expectNoPacket(Duration.ofMillis(300));
    }

    @Test
    void inbound_qos2_awaiting_pubrel_is_not_delivered_twice_after_restart() {
        start();
        TestMqttClient sub = connectV5("sub", true, HOUR);
        sub.subscribe(1, "x", MqttQos.EXACTLY_ONCE);
        sub.disconnect();
        TestMqttClient pub = connectV5("pub", true, HOUR);
        pub.publish("x", "once", MqttQos.EXACTLY_ONCE, false, 7);
        assertThat(pub.expect(MqttPubRec.class).packetId()).isEqualTo(7);

        restart();
        Connected pubAgain = connect("pub", false, HOUR);
        assertThat(pubAgain.connAck().sessionPresent()).isTrue();
        pubAgain.client().send(new MqttPublish(true, MqttQos.EXACTLY_ONCE, false, "x", 7, MqttProperties.EMPTY,
                "once".getBytes(StandardCharsets.UTF_8)));
        assertThat(pubAgain.client().expect(MqttPubRec.class).packetId()).isEqualTo(7);
        pubAgain.client().send(new MqttPubRel(7));
        pubAgain.client().expect(MqttPubComp.class);
        // the identifier is free again: a new message with it is delivered
        pubAgain.client().publishAndComplete("x", "next", MqttQos.EXACTLY_ONCE, false, 7);

        TestMqttClient subAgain = connect("sub", false, HOUR).client();
        List<MqttPublish> got = new Receiver(subAgain).until(r -> r.size() == 2, Duration.ofSeconds(5))
                .drain(Duration.ofMillis(300)).received();
        assertThat(got).extracting(PersistenceTestBase::text).containsExactly("once", "next");
    }

    @Test
    void retained_messages_survive_restart_with_their_properties() {
        start();
        TestMqttClient pub = connectV5("pub", true, 0);
        pub.send(new MqttPublish(false, MqttQos.AT_LEAST_ONCE, true, "r/1", 1,
                MqttProperties.builder().messageExpiryInterval(HOUR).contentType("text/plain")
                        .userProperties(List.of(new MqttUserProperty("k", "v"))).build(),
                "one".getBytes(StandardCharsets.UTF_8)));
        pub.expect(MqttPubAck.class);
        pub.publishAndComplete("r/2", "two", MqttQos.AT_MOST_ONCE, true, 0);
        pub.publishAndComplete("r/3", "three", MqttQos.AT_LEAST_ONCE, true, 2);
        pub.publishAndComplete("r/3", "", MqttQos.AT_LEAST_ONCE, true, 3);

        restart();
        TestMqttClient sub = connectV5("sub", true, 0);
        sub.subscribe(1, "r/#", MqttQos.AT_LEAST_ONCE);
        List<MqttPublish> got = new Receiver(sub).until(r -> r.size() == 2, Duration.ofSeconds(5))
                .drain(Duration.ofMillis(300)).received();
        assertThat(got).extracting(PersistenceTestBase::text).containsExactlyInAnyOrder("one", "two");
        MqttPublish one = got.stream().filter(p -> text(p).equals("one")).findFirst().orElseThrow();
        assertThat(one.retain()).isTrue();
        assertThat(one.qos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
        assertThat(one.properties().contentType()).isEqualTo("text/plain");
        assertThat(one.properties().userProperties()).containsExactly(new MqttUserProperty("k", "v"));
        assertThat(one.properties().messageExpiryInterval()).isBetween(HOUR - 5, HOUR);
    }

    @Test
    void clean_sessions_are_not_restored() {
        start();
        TestMqttClient v5 = connectV5("zero-expiry", true, 0);
        v5.subscribe(1, "t", MqttQos.AT_LEAST_ONCE);
        TestMqttClient v311 = client(MqttVersion.MQTT_3_1_1);
        v311.connect("clean-311", true);
        v311.subscribe(1, "t", MqttQos.AT_LEAST_ONCE);
        TestMqttClient persistent311 = client(MqttVersion.MQTT_3_1_1);
        persistent311.connect("persistent-311", false);
        persistent311.subscribe(1, "t", MqttQos.AT_LEAST_ONCE);

        restart();
        assertThat(broker.context().sessions().get("zero-expiry")).isNull();
        assertThat(broker.context().sessions().get("clean-311")).isNull();
        assertThat(broker.context().sessions().get("persistent-311")).isNotNull();
        assertThat(broker.context().subscriptions().subscriptionsOf("clean-311")).isEmpty();
        TestMqttClient again = client(MqttVersion.MQTT_3_1_1);
        assertThat(again.connect("clean-311", false).sessionPresent()).isFalse();
    }

    @Test
    void session_resumed_with_expiry_0_is_forgotten_on_disk() {
        start();
        TestMqttClient c = connectV5("c", true, HOUR);
        c.subscribe(1, "t", MqttQos.AT_LEAST_ONCE);
        c.disconnect();
        Connected resumed = connect("c", false, 0);
        assertThat(resumed.connAck().sessionPresent()).isTrue();

        restart();
        assertThat(broker.context().sessions().get("c")).isNull();
    }

    @Test
    void expired_sessions_and_messages_are_not_resurrected() throws InterruptedException {
        start();
        TestMqttClient shortLived = connectV5("short", true, 1);
        shortLived.subscribe(1, "t", MqttQos.AT_LEAST_ONCE);
        shortLived.disconnect();
        TestMqttClient longLived = connectV5("long", true, HOUR);
        longLived.subscribe(1, "t", MqttQos.AT_LEAST_ONCE);
        longLived.disconnect();
        TestMqttClient pub = connectV5("pub", true, 0);
        pub.send(new MqttPublish(false, MqttQos.AT_LEAST_ONCE, true, "t", 1,
                MqttProperties.builder().messageExpiryInterval(1L).build(), "expires".getBytes(StandardCharsets.UTF_8)));
        pub.expect(MqttPubAck.class);
        pub.publishAndComplete("t", "stays", MqttQos.AT_LEAST_ONCE, false, 2);
        broker.close();
        // the broker is down while the expiry intervals pass: only the clock can tell
        Thread.sleep(1_200);

        start();
        assertThat(broker.context().sessions().get("short")).isNull();
        assertThat(broker.context().subscriptions().subscriptionsOf("short")).isEmpty();
        assertThat(broker.context().retained().size()).isZero();
        TestMqttClient again = connect("long", false, HOUR).client();
        List<MqttPublish> got = new Receiver(again).until(r -> r.size() == 1, Duration.ofSeconds(5))
                .drain(Duration.ofMillis(300)).received();
        assertThat(got).extracting(PersistenceTestBase::text).containsExactly("stays");
    }

    @Test
    void persistence_off_creates_no_files() {
        broker = io.mqttharness.broker.MqttBroker.start(config().toBuilder().persistence(false)
                .persistenceLocation(dir.resolve("unused")).build());
        TestMqttClient c = connectV5("c", true, HOUR);
        c.subscribe(1, "t", MqttQos.AT_LEAST_ONCE);
        assertThat(broker.context().persistence().isEnabled()).isFalse();
        assertThat(dir.resolve("unused")).doesNotExist();
    }
}
