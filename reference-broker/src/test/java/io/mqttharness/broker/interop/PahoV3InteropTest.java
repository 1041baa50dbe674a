package io.mqttharness.broker.interop;

import static io.mqttharness.broker.interop.InteropBrokers.unique;
import static io.mqttharness.broker.interop.InteropBrokers.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.broker.interop.PahoV3Clients.Client;
import io.mqttharness.broker.interop.PahoV3Clients.Received;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reference broker with Eclipse Paho's Java MQTT 3.1.1 client ({@code org.eclipse.paho.client.mqttv3}). */
class PahoV3InteropTest {
    private final PahoV3Clients paho = new PahoV3Clients();
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
        String topic = unique("paho3/qos" + qos);
        Client subscriber = paho.connect(broker.port(), unique("sub"));
        int[] granted = subscriber.mqtt().subscribeWithResponse(topic, qos).getGrantedQos();
        assertThat(granted).containsExactly(qos);
        Client publisher = paho.connect(broker.port(), unique("pub"));

        List<String> sent = IntStream.range(0, 5).mapToObj(i -> "message " + i + " at QoS " + qos).toList();
        for (String payload : sent) {
            // at QoS 1 and 2 MqttClient.publish returns only after PUBACK / PUBCOMP
            publisher.mqtt().publish(topic, utf8(payload), qos, false);
        }

        List<Received> received = subscriber.inbox().next(sent.size());
        assertThat(received).extracting(Received::payload).containsExactlyElementsOf(sent);
        assertThat(received).allSatisfy(m -> {
            assertThat(m.topic()).isEqualTo(topic);
            assertThat(m.qos()).isEqualTo(qos);
            assertThat(m.retained()).isFalse();
            assertThat(m.duplicate()).isFalse();
        });
    }

    @Test
    void retained_message_reaches_later_subscriber_and_empty_retained_payload_clears_it() throws MqttException {
        broker = InteropBrokers.plain();
        String topic = unique("paho3/retained");
        Client publisher = paho.connect(broker.port(), unique("pub"));
        publisher.mqtt().publish(topic, utf8("kept"), 1, true);

        Client late = paho.connect(broker.port(), unique("late"));
        late.mqtt().subscribe(topic, 1);
        Received retained = late.inbox().next();
        assertThat(retained.payload()).isEqualTo("kept");
        assertThat(retained.retained()).as("retained flag on a message sent because of a new subscription").isTrue();

        publisher.mqtt().publish(topic, new byte[0], 1, true);
        // the existing subscriber gets the empty message like any other publication
        assertThat(late.inbox().next().payload()).isEmpty();

        Client later = paho.connect(broker.port(), unique("later"));
        later.mqtt().subscribe(topic, 1);
        publisher.mqtt().publish(topic, utf8("live"), 1, false);
        // a retained message would have been sent right after the SUBACK, before "live"
        Received first = later.inbox().next();
        assertThat(first.payload()).isEqualTo("live");
        assertThat(first.retained()).isFalse();
    }

    @Test
    void will_is_published_when_the_connection_drops_without_disconnect() throws Exception {
        broker = InteropBrokers.plain();
        String willTopic = unique("paho3/will");
        Client watcher = paho.connect(broker.port(), unique("watcher"));
        watcher.mqtt().subscribe(willTopic, 1);

        AbruptSocketFactory sockets = new AbruptSocketFactory();
        MqttConnectOptions options = PahoV3Clients.options(true);
        options.setWill(willTopic, utf8("gone"), 1, false);
        options.setSocketFactory(sockets);
        Client dying = paho.connect("tcp://127.0.0.1:" + broker.port(), unique("dying"), options);
        assertThat(dying.mqtt().isConnected()).isTrue();
        assertThat(sockets.created()).isEqualTo(1);

        sockets.killConnections();

        Received will = watcher.inbox().next();
        assertThat(will.topic()).isEqualTo(willTopic);
        assertThat(will.payload()).isEqualTo("gone");
        assertThat(will.qos()).isEqualTo(1);
    }

    @Test
    void will_is_discarded_after_a_normal_disconnect() throws MqttException {
        broker = InteropBrokers.plain();
        String willTopic = unique("paho3/will");
        Client watcher = paho.connect(broker.port(), unique("watcher"));
        watcher.mqtt().subscribe(willTopic, 1);
        MqttConnectOptions options = PahoV3Clients.options(true);
        options.setWill(willTopic, utf8("should not be sent"), 1, false);
        String leavingId = unique("leaving");
        Client leaving = paho.connect("tcp://127.0.0.1:" + broker.port(), leavingId, options);

        leaving.mqtt().disconnect(InteropBrokers.TIMEOUT.toMillis());
        InteropBrokers.awaitGone(broker, leavingId);
        Client other = paho.connect(broker.port(), unique("other"));
        other.mqtt().publish(willTopic, utf8("marker"), 1, false);

        // a will, if wrongly sent, went out while the broker handled the DISCONNECT, so before the marker
        assertThat(watcher.inbox().next().payload()).isEqualTo("marker");
    }

    @Test
    void persistent_session_receives_qos1_message_published_while_offline() throws MqttException {
        broker = InteropBrokers.plain();
        String topic = unique("paho3/offline");
        String clientId = unique("persistent");
        Client first = paho.connect("tcp://127.0.0.1:" + broker.port(), clientId, PahoV3Clients.options(false));
        first.mqtt().subscribe(topic, 1);
        first.mqtt().disconnect(InteropBrokers.TIMEOUT.toMillis());
        // publish only once the session is really offline, so that the message has to be queued
        InteropBrokers.awaitGone(broker, clientId);

        Client publisher = paho.connect(broker.port(), unique("pub"));
        publisher.mqtt().publish(topic, utf8("while you were away"), 1, false);

        Client resumed = paho.create("tcp://127.0.0.1:" + broker.port(), clientId);
        boolean sessionPresent = resumed.mqtt().connectWithResult(PahoV3Clients.options(false)).getSessionPresent();
        assertThat(sessionPresent).as("CONNACK session present").isTrue();
        Received queued = resumed.inbox().next();
        assertThat(queued.topic()).isEqualTo(topic);
        assertThat(queued.payload()).isEqualTo("while you were away");
        assertThat(queued.qos()).isEqualTo(1);
    }

    @Test
    void clean_session_reconnect_has_no_session_present() throws MqttException {
        broker = InteropBrokers.plain();
        String clientId = unique("persistent");
        Client first = paho.connect("tcp://127.0.0.1:" + broker.port(), clientId, PahoV3Clients.options(false));
        first.mqtt().subscribe(unique("paho3/t"), 1);
        first.mqtt().disconnect(InteropBrokers.TIMEOUT.toMillis());
        InteropBrokers.awaitGone(broker, clientId);

        Client again = paho.create("tcp://127.0.0.1:" + broker.port(), clientId);
        assertThat(again.mqtt().connectWithResult(PahoV3Clients.options(true)).getSessionPresent()).isFalse();
    }

    @Test
    void correct_credentials_are_accepted() throws MqttException {
        broker = InteropBrokers.withPasswordFile(InteropBrokers.writePasswordFile(tempDir, "alice", "secret"));
        MqttConnectOptions options = PahoV3Clients.options(true);
        options.setUserName("alice");
        options.setPassword("secret".toCharArray());

        Client client = paho.connect("tcp://127.0.0.1:" + broker.port(), unique("alice"), options);

        assertThat(client.mqtt().isConnected()).isTrue();
    }

    @Test
    void wrong_password_is_refused_with_return_code_4() throws MqttException {
        broker = InteropBrokers.withPasswordFile(InteropBrokers.writePasswordFile(tempDir, "alice", "secret"));
        MqttConnectOptions options = PahoV3Clients.options(true);
        options.setUserName("alice");
        options.setPassword("wrong".toCharArray());
        Client client = paho.create("tcp://127.0.0.1:" + broker.port(), unique("mallory"));

        assertThatThrownBy(() -> client.mqtt().connect(options))
                .isInstanceOf(MqttSecurityException.class)
                .extracting(e -> ((MqttException) e).getReasonCode())
                .isEqualTo((int) MqttException.REASON_CODE_FAILED_AUTHENTICATION);
    }

    @Test
    void anonymous_client_is_refused_with_return_code_5_when_anonymous_access_is_off() throws MqttException {
        broker = InteropBrokers.withPasswordFile(InteropBrokers.writePasswordFile(tempDir, "alice", "secret"));
        Client client = paho.create("tcp://127.0.0.1:" + broker.port(), unique("anonymous"));

        // mosquitto answers a CONNECT without user name on such a listener with 5 (not authorized)
        assertThatThrownBy(() -> client.mqtt().connect(PahoV3Clients.options(true)))
                .isInstanceOf(MqttSecurityException.class)
                .extracting(e -> ((MqttException) e).getReasonCode())
                .isEqualTo((int) MqttException.REASON_CODE_NOT_AUTHORIZED);
    }
}
