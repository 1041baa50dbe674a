package io.mqttharness.broker.interop;

import static io.mqttharness.broker.interop.InteropBrokers.unique;
import static io.mqttharness.broker.interop.InteropBrokers.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.broker.interop.PahoV5Clients.Client;
import io.mqttharness.broker.interop.PahoV5Clients.Received;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reference broker with Eclipse Paho's Java MQTT 5 client ({@code org.eclipse.paho.mqttv5.client}). */
class PahoV5InteropTest {
    private final PahoV5Clients paho = new PahoV5Clients();
    private MqttBroker broker;

    @TempDir
    Path tempDir;

    @AfterEach
    void tearDown() {
        paho.close();
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void messages_round_trip_in_order_at_each_qos(int qos) throws MqttException {
        broker = InteropBrokers.plain();
        String topic = unique("paho5/qos" + qos);
        Client subscriber = paho.connect(broker.port(), unique("sub"));
        IMqttToken suback = subscriber.await(subscriber.mqtt().subscribe(new MqttSubscription(topic, qos)));
        assertThat(suback.getReasonCodes()).containsExactly(qos);
        Client publisher = paho.connect(broker.port(), unique("pub"));

        List<String> sent = IntStream.range(0, 5).mapToObj(i -> "v5 message " + i + " at QoS " + qos).toList();
        for (String payload : sent) {
            publisher.await(publisher.mqtt().publish(topic, utf8(payload), qos, false));
        }

        List<Received> received = subscriber.inbox().next(sent.size());
        assertThat(received).extracting(Received::payload).containsExactlyElementsOf(sent);
        assertThat(received).allSatisfy(m -> {
            assertThat(m.topic()).isEqualTo(topic);
            assertThat(m.qos()).isEqualTo(qos);
            assertThat(m.retained()).isFalse();
        });
    }

    @Test
    void user_properties_content_type_response_topic_and_correlation_data_arrive_unchanged() throws MqttException {
        broker = InteropBrokers.plain();
        String topic = unique("paho5/props");
        Client subscriber = paho.connect(broker.port(), unique("sub"));
        subscriber.await(subscriber.mqtt().subscribe(new MqttSubscription(topic, 1)));
        Client publisher = paho.connect(broker.port(), unique("pub"));

        MqttProperties properties = new MqttProperties();
        // the same key twice: order and duplicates must survive ([MQTT-3.3.2-18])
        properties.setUserProperties(List.of(new UserProperty("trace", "abc"), new UserProperty("k", "v1"),
                new UserProperty("k", "v2")));
        properties.setContentType("application/json");
        properties.setResponseTopic("reply/" + topic);
        properties.setCorrelationData(new byte[] {0, 1, 2, (byte) 0xFF});
        properties.setPayloadFormat(true);
        MqttMessage message = new MqttMessage(utf8("{\"x\":1}"), 1, false, properties);
        publisher.await(publisher.mqtt().publish(topic, message));

        Received received = subscriber.inbox().next();
        assertThat(received.payload()).isEqualTo("{\"x\":1}");
        MqttProperties got = received.properties();
        assertThat(got.getUserProperties()).extracting(UserProperty::getKey, UserProperty::getValue)
                .containsExactly(tuple("trace", "abc"), tuple("k", "v1"), tuple("k", "v2"));
        assertThat(got.getContentType()).isEqualTo("application/json");
        assertThat(got.getResponseTopic()).isEqualTo("reply/" + topic);
        assertThat(got.getCorrelationData()).containsExactly(0, 1, 2, 0xFF);
        assertThat(got.getPayloadFormat()).isTrue();
    }

    @Test
    void topic_aliases_sent_by_the_broker_within_the_client_maximum_are_resolved_by_the_client()
            throws MqttException {
        broker = InteropBrokers.plain();
        String base = unique("paho5/outalias");
        try (WireTap tap = WireTap.start(broker.port())) {
            Client subscriber = paho.create(tap.port(), unique("sub"));
            MqttConnectionOptions options = PahoV5Clients.options(true);
            options.setTopicAliasMaximum(2);
            subscriber.await(subscriber.mqtt().connect(options));
            subscriber.await(subscriber.mqtt().subscribe(new MqttSubscription(base + "/#", 1)));
            Client publisher = paho.connect(broker.port(), unique("pub"));

            // a, a, b, c, b, a: alias only for a repeat; c and the last a replace the least recently used alias
            List<String> topics = Stream.of("a", "a", "b", "c", "b", "a").map(s -> base + "/" + s).toList();
            for (int i = 0; i < topics.size(); i++) {
                publisher.await(publisher.mqtt().publish(topics.get(i), utf8("m" + i), 1, false));
            }

            List<Received> received = subscriber.inbox().next(topics.size());
            assertThat(received).extracting(Received::payload).containsExactly("m0", "m1", "m2", "m3", "m4", "m5");
            // Paho resolves aliases for its own bookkeeping but hands alias-only messages to messageArrived with an
            // empty topic (eclipse-paho/paho.mqtt.java#866), so only messages that carried their topic are checked
            for (int i : new int[] {0, 2, 3, 5}) {
                assertThat(received.get(i).topic()).isEqualTo(topics.get(i));
            }
            List<io.mqttharness.codec.packet.MqttPublish> delivered =
                    tap.packets(WireTap.Direction.TO_CLIENT, io.mqttharness.codec.packet.MqttPublish.class);
            assertThat(delivered).as("trace:\n%s", tap.trace())
                    .extracting(p -> p.properties().topicAlias()).containsExactly(1, 1, 2, 1, 2, 1);
            assertThat(delivered).extracting(io.mqttharness.codec.packet.MqttPublish::topic)
                    .containsExactly(topics.get(0), "", topics.get(2), topics.get(3), "", topics.get(5));
        }
    }

    @Test
    void subscription_identifier_comes_back_with_matching_messages() throws MqttException {
        broker = InteropBrokers.plain();
        String base = unique("paho5/subid");
        Client subscriber = paho.connect(broker.port(), unique("sub"));
        MqttProperties subscribeProperties = new MqttProperties();
        subscribeProperties.setSubscriptionIdentifier(42);
        subscriber.await(subscriber.mqtt().subscribe(new MqttSubscription[] {new MqttSubscription(base + "/#", 1)},
                null, null, subscribeProperties));
        Client publisher = paho.connect(broker.port(), unique("pub"));

        publisher.await(publisher.mqtt().publish(base + "/a", utf8("tagged"), 1, false));

        Received received = subscriber.inbox().next();
        assertThat(received.payload()).isEqualTo("tagged");
        assertThat(received.properties().getSubscriptionIdentifiers()).containsExactly(42);
    }

    @Test
    void session_with_expiry_interval_is_resumed_with_the_message_queued_while_offline() throws MqttException {
        broker = InteropBrokers.plain();
        String topic = unique("paho5/offline");
        String clientId = unique("persistent");
        MqttConnectionOptions persistent = PahoV5Clients.options(false);
        persistent.setSessionExpiryInterval(60L);
        Client first = paho.create(broker.port(), clientId);
        first.await(first.mqtt().connect(persistent));
        first.await(first.mqtt().subscribe(new MqttSubscription(topic, 1)));
        first.await(first.mqtt().disconnect());
        // publish only once the session is really offline, so that the message has to be queued
        InteropBrokers.awaitGone(broker, clientId);

        Client publisher = paho.connect(broker.port(), unique("pub"));
        publisher.await(publisher.mqtt().publish(topic, utf8("queued for you"), 1, false));

        Client resumed = paho.create(broker.port(), clientId);
        IMqttToken connack = resumed.await(resumed.mqtt().connect(persistent));
        assertThat(connack.getSessionPresent()).as("CONNACK session present").isTrue();
        Received queued = resumed.inbox().next();
        assertThat(queued.topic()).isEqualTo(topic);
        assertThat(queued.payload()).isEqualTo("queued for you");
        assertThat(queued.qos()).isEqualTo(1);
    }

    @Test
    void session_without_expiry_interval_ends_with_the_connection() throws MqttException {
        broker = InteropBrokers.plain();
        String clientId = unique("short-lived");
        MqttConnectionOptions options = PahoV5Clients.options(false);
        options.setSessionExpiryInterval(0L);
        Client first = paho.create(broker.port(), clientId);
        first.await(first.mqtt().connect(options));
        first.await(first.mqtt().subscribe(new MqttSubscription(unique("paho5/t"), 1)));
        first.await(first.mqtt().disconnect());
        InteropBrokers.awaitGone(broker, clientId);

        Client again = paho.create(broker.port(), clientId);
        assertThat(again.await(again.mqtt().connect(options)).getSessionPresent()).isFalse();
    }

    @Test
    void wrong_password_is_refused_with_reason_0x86() throws MqttException {
        broker = InteropBrokers.withPasswordFile(InteropBrokers.writePasswordFile(tempDir, "alice", "secret"));
        MqttConnectionOptions options = PahoV5Clients.options(true);
        options.setUserName("alice");
        options.setPassword(utf8("wrong"));
        Client client = paho.create(broker.port(), unique("mallory"));

        assertThatThrownBy(() -> client.await(client.mqtt().connect(options)))
                .isInstanceOf(MqttException.class)
                .extracting(e -> ((MqttException) e).getReasonCode())
                .isEqualTo(0x86);
        assertThat(client.mqtt().isConnected()).isFalse();
    }

    @Test
    void correct_password_is_accepted() throws MqttException {
        broker = InteropBrokers.withPasswordFile(InteropBrokers.writePasswordFile(tempDir, "alice", "secret"));
        MqttConnectionOptions options = PahoV5Clients.options(true);
        options.setUserName("alice");
        options.setPassword(utf8("secret"));
        Client client = paho.create(broker.port(), unique("alice"));

        client.await(client.mqtt().connect(options));

        assertThat(client.mqtt().isConnected()).isTrue();
    }

    @Test
    void will_with_delay_interval_0_is_published_when_the_connection_drops() throws Exception {
        broker = InteropBrokers.plain();
        String willTopic = unique("paho5/will");
        Client watcher = paho.connect(broker.port(), unique("watcher"));
        watcher.await(watcher.mqtt().subscribe(new MqttSubscription(willTopic, 1)));

        AbruptSocketFactory sockets = new AbruptSocketFactory();
        MqttConnectionOptions options = PahoV5Clients.options(true);
        MqttProperties willMessageProperties = new MqttProperties();
        willMessageProperties.setContentType("text/plain");
        MqttMessage will = new MqttMessage(utf8("v5 gone"), 1, false, willMessageProperties);
        options.setWill(willTopic, will);
        MqttProperties willProperties = new MqttProperties();
        willProperties.setWillDelayInterval(0L);
        willProperties.setContentType("text/plain");
        options.setWillMessageProperties(willProperties);
        options.setSocketFactory(sockets);
        Client dying = paho.create(broker.port(), unique("dying"));
        dying.await(dying.mqtt().connect(options));
        assertThat(sockets.created()).isEqualTo(1);

        sockets.killConnections();

        Received received = watcher.inbox().next();
        assertThat(received.topic()).isEqualTo(willTopic);
        assertThat(received.payload()).isEqualTo("v5 gone");
        assertThat(received.qos()).isEqualTo(1);
        assertThat(received.properties().getContentType()).isEqualTo("text/plain");
    }
}
