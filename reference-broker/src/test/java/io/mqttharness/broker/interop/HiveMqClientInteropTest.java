package io.mqttharness.broker.interop;

import static io.mqttharness.broker.interop.HiveMqClients.await;
import static io.mqttharness.broker.interop.InteropBrokers.unique;
import static io.mqttharness.broker.interop.InteropBrokers.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import io.mqttharness.broker.MqttBroker;
import io.mqttharness.broker.interop.WireTap.Direction;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.packet.MqttSubscribe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference broker with the HiveMQ MQTT client, both its MQTT 5 and MQTT 3.1.1 flavours. Where the client
 * hides a protocol detail (subscription identifiers, the topic aliases it sends) a {@link WireTap} between client
 * and broker shows it.
 */
class HiveMqClientInteropTest {
    /** A message as the HiveMQ client delivered it. */
    private record Received(String topic, String payload, int qos, boolean retained) {
        static Received of(Mqtt5Publish p) {
            return new Received(p.getTopic().toString(), InteropBrokers.text(p.getPayloadAsBytes()),
                    p.getQos().getCode(), p.isRetain());
        }

        static Received of(Mqtt3Publish p) {
            return new Received(p.getTopic().toString(), InteropBrokers.text(p.getPayloadAsBytes()),
                    p.getQos().getCode(), p.isRetain());
        }
    }

    private final HiveMqClients hivemq = new HiveMqClients();
    private MqttBroker broker;
    private WireTap tap;

    @TempDir
    Path tempDir;

    @AfterEach
    void tearDown() {
        hivemq.close();
        if (tap != null) {
            tap.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void mqtt5_messages_round_trip_in_order_at_each_qos(int qos) throws Exception {
        broker = InteropBrokers.plain();
        String topic = unique("hivemq5/qos" + qos);
        Inbox<Received> inbox = new Inbox<>("hivemq5 subscriber");
        Mqtt5AsyncClient subscriber = connected5(unique("sub"));
        Mqtt5SubAck suback = await(subscriber.subscribeWith().topicFilter(topic).qos(MqttQos.fromCode(qos))
                .callback(p -> inbox.add(Received.of(p))).send());
        assertThat(suback.getReasonCodes()).extracting(c -> c.getCode()).containsExactly(qos);
        Mqtt5AsyncClient publisher = connected5(unique("pub"));

        List<String> sent = IntStream.range(0, 5).mapToObj(i -> "hivemq5 " + i + " at QoS " + qos).toList();
        for (String payload : sent) {
            // the future completes after PUBACK / PUBCOMP at QoS 1 / 2
            await(publisher.publishWith().topic(topic).qos(MqttQos.fromCode(qos)).payload(utf8(payload)).send());
        }

        List<Received> received = inbox.next(sent.size());
        assertThat(received).extracting(Received::payload).containsExactlyElementsOf(sent);
        assertThat(received).allSatisfy(m -> {
            assertThat(m.topic()).isEqualTo(topic);
            assertThat(m.qos()).isEqualTo(qos);
            assertThat(m.retained()).isFalse();
        });
    }

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void mqtt3_messages_round_trip_in_order_at_each_qos(int qos) throws Exception {
        broker = InteropBrokers.plain();
        String topic = unique("hivemq3/qos" + qos);
        Mqtt3AsyncClient subscriber = hivemq.mqtt3(broker.port(), unique("sub"));
        Mqtt3BlockingClient blockingSubscriber = subscriber.toBlocking();
        // connect is bounded by the client's mqttConnectTimeout
        blockingSubscriber.connectWith().cleanSession(true).send();
        Mqtt3AsyncClient publisher = hivemq.mqtt3(broker.port(), unique("pub"));
        publisher.toBlocking().connect();

        List<Received> received = new ArrayList<>();
        List<String> sent = IntStream.range(0, 5).mapToObj(i -> "hivemq3 " + i + " at QoS " + qos).toList();
        try (Mqtt3BlockingClient.Mqtt3Publishes publishes = blockingSubscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            List<Mqtt3SubAckReturnCode> granted = await(subscriber.subscribeWith().topicFilter(topic)
                    .qos(MqttQos.fromCode(qos)).send()).getReturnCodes();
            assertThat(granted).extracting(Mqtt3SubAckReturnCode::getCode).containsExactly(qos);
            for (String payload : sent) {
                await(publisher.publishWith().topic(topic).qos(MqttQos.fromCode(qos)).payload(utf8(payload)).send());
            }
            for (int i = 0; i < sent.size(); i++) {
                Optional<Mqtt3Publish> next = publishes.receive(InteropBrokers.TIMEOUT_SECONDS, TimeUnit.SECONDS);
                assertThat(next).as("message %d of %d", i + 1, sent.size()).isPresent();
                received.add(Received.of(next.get()));
            }
        }

        assertThat(received).extracting(Received::payload).containsExactlyElementsOf(sent);
        assertThat(received).allSatisfy(m -> {
            assertThat(m.topic()).isEqualTo(topic);
            assertThat(m.qos()).isEqualTo(qos);
            assertThat(m.retained()).isFalse();
        });
    }

    @Test
    void shared_subscription_gives_each_message_to_exactly_one_group_member() throws Exception {
        broker = InteropBrokers.plain();
        String topic = unique("hivemq5/shared");
        String marker = topic + "/marker";
        Inbox<Received> first = new Inbox<>("group member 1");
        Inbox<Received> second = new Inbox<>("group member 2");
        for (Inbox<Received> inbox : List.of(first, second)) {
            Mqtt5AsyncClient member = connected5(unique("member"));
            // one callback for both subscriptions: the client may run the callbacks of two subscriptions in either
            // order, while one flow keeps the order in which the broker sent the messages
            member.publishes(MqttGlobalPublishFilter.SUBSCRIBED, p -> inbox.add(Received.of(p)));
            await(member.subscribeWith().topicFilter("$share/g/" + topic).qos(MqttQos.AT_LEAST_ONCE).send());
            // an ordinary subscription as well: the marker tells when everything published before it has arrived
            await(member.subscribeWith().topicFilter(marker).qos(MqttQos.AT_LEAST_ONCE).send());
        }
        Mqtt5AsyncClient publisher = connected5(unique("pub"));

        int count = 20;
        for (int i = 0; i < count; i++) {
            await(publisher.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(utf8("job " + i)).send());
        }
        await(publisher.publishWith().topic(marker).qos(MqttQos.AT_LEAST_ONCE).payload(utf8("end")).send());

        List<Received> all = new ArrayList<>();
        for (Inbox<Received> inbox : List.of(first, second)) {
            // a member's messages arrive in publication order, so its marker comes after its share of jobs
            Received r;
            while (!(r = inbox.next()).topic().equals(marker)) {
                all.add(r);
            }
        }
        assertThat(all).extracting(Received::topic).containsOnly(topic);
        assertThat(all).extracting(Received::payload)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, count).mapToObj(i -> "job " + i).toList());
    }

    @Test
    void retained_message_reaches_later_subscriber_and_empty_retained_payload_clears_it() throws Exception {
        broker = InteropBrokers.plain();
        String topic = unique("hivemq5/retained");
        Mqtt5AsyncClient publisher = connected5(unique("pub"));
        await(publisher.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(true).payload(utf8("kept"))
                .send());

        Inbox<Received> late = new Inbox<>("late subscriber");
        await(connected5(unique("late")).subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> late.add(Received.of(p))).send());
        Received retained = late.next();
        assertThat(retained.payload()).isEqualTo("kept");
        assertThat(retained.retained()).isTrue();

        await(publisher.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(true).send());
        Inbox<Received> later = new Inbox<>("later subscriber");
        await(connected5(unique("later")).subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> later.add(Received.of(p))).send());
        await(publisher.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(utf8("live")).send());
        // a retained message would have come right after the SUBACK, before "live"
        Received first = later.next();
        assertThat(first.payload()).isEqualTo("live");
        assertThat(first.retained()).isFalse();
    }

    @Test
    void subscription_identifier_chosen_by_the_client_comes_back_on_matching_messages() throws Exception {
        broker = InteropBrokers.plain();
        tap = WireTap.start(broker.port());
        String topic = unique("hivemq5/subid");
        Inbox<Received> inbox = new Inbox<>("subscriber");
        Mqtt5AsyncClient subscriber = hivemq.mqtt5(tap.port(), unique("sub"));
        await(subscriber.connect());
        await(subscriber.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> inbox.add(Received.of(p))).send());
        Mqtt5AsyncClient publisher = connected5(unique("pub"));

        await(publisher.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(utf8("tagged")).send());

        assertThat(inbox.next().payload()).isEqualTo("tagged");
        // HiveMQ's client numbers its subscriptions itself when the broker says identifiers are available
        MqttSubscribe subscribe = tap.await(Direction.TO_BROKER, MqttSubscribe.class, s -> true);
        assertThat(subscribe.properties().subscriptionIdentifiers())
                .as("SUBSCRIBE sent by the client; trace:\n%s", tap.trace()).hasSize(1);
        MqttPublish delivered = tap.await(Direction.TO_CLIENT, MqttPublish.class, p -> true);
        assertThat(delivered.properties().subscriptionIdentifiers())
                .as("PUBLISH to the client; trace:\n%s", tap.trace())
                .isEqualTo(subscribe.properties().subscriptionIdentifiers());
    }

    @Test
    void topic_aliases_sent_by_the_client_are_resolved_by_the_broker() throws Exception {
        broker = InteropBrokers.plain();
        tap = WireTap.start(broker.port());
        String base = unique("hivemq5/alias");
        List<String> topics = List.of(base + "/a", base + "/b");
        Inbox<Received> inbox = new Inbox<>("subscriber");
        await(connected5(unique("sub")).subscribeWith().topicFilter(base + "/#").qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> inbox.add(Received.of(p))).send());
        Mqtt5AsyncClient publisher = hivemq.mqtt5(tap.port(), unique("pub"));
        await(publisher.connect());

        List<Received> expected = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String topic = topics.get(i % 2);
            await(publisher.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(utf8("m" + i)).send());
            expected.add(new Received(topic, "m" + i, 1, false));
        }

        assertThat(inbox.next(expected.size())).containsExactlyElementsOf(expected);
        // the broker advertised Topic Alias Maximum > 0, so the client replaced repeated topics with an alias
        List<MqttPublish> sent = tap.packets(Direction.TO_BROKER, MqttPublish.class);
        assertThat(sent).as("PUBLISH packets the client sent; trace:\n%s", tap.trace())
                .anySatisfy(p -> {
                    assertThat(p.topic()).isEmpty();
                    assertThat(p.properties().topicAlias()).isNotNull();
                });
    }

    @Test
    void topic_aliases_sent_by_the_broker_are_resolved_by_the_client() throws Exception {
        broker = InteropBrokers.plain();
        tap = WireTap.start(broker.port());
        String base = unique("hivemq5/outalias");
        Inbox<Received> inbox = new Inbox<>("subscriber");
        // the HiveMQ client announces no Topic Alias Maximum by default: allow 2, so that aliases get replaced
        Mqtt5AsyncClient subscriber = hivemq.mqtt5(tap.port(), unique("sub"));
        await(subscriber.connectWith().restrictions().topicAliasMaximum(2).applyRestrictions().send());
        await(subscriber.subscribeWith().topicFilter(base + "/#").qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> inbox.add(Received.of(p))).send());
        Mqtt5AsyncClient publisher = connected5(unique("pub"));

        List<Received> expected = new ArrayList<>();
        List<String> suffixes = List.of("a", "a", "b", "c", "b", "a");
        for (int i = 0; i < suffixes.size(); i++) {
            String topic = base + "/" + suffixes.get(i);
            await(publisher.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(utf8("m" + i)).send());
            expected.add(new Received(topic, "m" + i, 1, false));
        }

        assertThat(inbox.next(expected.size())).containsExactlyElementsOf(expected);
        List<MqttPublish> delivered = tap.packets(Direction.TO_CLIENT, MqttPublish.class);
        assertThat(delivered).as("PUBLISH packets the broker sent; trace:\n%s", tap.trace())
                .extracting(p -> p.properties().topicAlias()).containsExactly(1, 1, 2, 1, 2, 1);
        assertThat(delivered).extracting(MqttPublish::topic).containsExactly(
                expected.get(0).topic(), "", expected.get(2).topic(), expected.get(3).topic(), "",
                expected.get(5).topic());
    }

    @Test
    void mqtt5_wrong_password_is_refused_with_bad_user_name_or_password() throws Exception {
        broker = InteropBrokers.withPasswordFile(InteropBrokers.writePasswordFile(tempDir, "alice", "secret"));
        Mqtt5AsyncClient client = hivemq.mqtt5(broker.port(), unique("mallory"));

        assertThatThrownBy(() -> await(client.connectWith().simpleAuth().username("alice").password(utf8("nope"))
                .applySimpleAuth().send()))
                .isInstanceOf(Mqtt5ConnAckException.class)
                .extracting(e -> ((Mqtt5ConnAckException) e).getMqttMessage().getReasonCode())
                .isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
    }

    private Mqtt5AsyncClient connected5(String clientId) throws Exception {
        Mqtt5AsyncClient client = hivemq.mqtt5(broker.port(), clientId);
        await(client.connect());
        return client;
    }
}
