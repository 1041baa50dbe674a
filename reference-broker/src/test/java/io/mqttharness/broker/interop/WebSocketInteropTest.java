package io.mqttharness.broker.interop;

import static io.mqttharness.broker.interop.HiveMqClients.await;
import static io.mqttharness.broker.interop.InteropBrokers.unique;
import static io.mqttharness.broker.interop.InteropBrokers.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttWebSocketConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.mqttharness.broker.MqttBroker;
import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.ListenerConfig;
import io.mqttharness.broker.config.ListenerConfig.Protocol;
import io.mqttharness.broker.interop.PahoV3Clients.Client;
import io.mqttharness.broker.interop.PahoV3Clients.Received;
import io.mqttharness.broker.testsupport.TestCertificates;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reference broker's WebSocket listener ({@code protocol websockets}, path {@code /mqtt}) with real clients. */
class WebSocketInteropTest {
    private final PahoV3Clients paho = new PahoV3Clients();
    private final HiveMqClients hivemq = new HiveMqClients();
    private MqttBroker broker;

    @TempDir
    Path tempDir;

    @AfterEach
    void tearDown() {
        paho.close();
        hivemq.close();
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void paho_v3_round_trips_over_ws_uri(int qos) throws Exception {
        broker = InteropBrokers.withListener(ListenerConfig.websockets(InteropBrokers.LOOPBACK, 0));
        String uri = "ws://127.0.0.1:" + broker.port() + "/mqtt";
        String topic = unique("ws/paho" + qos);
        Client subscriber = paho.connect(uri, unique("sub"), PahoV3Clients.options(true));
        assertThat(subscriber.mqtt().subscribeWithResponse(topic, qos).getGrantedQos()).containsExactly(qos);
        Client publisher = paho.connect(uri, unique("pub"), PahoV3Clients.options(true));

        List<String> sent = IntStream.range(0, 3).mapToObj(i -> "over websocket " + i).toList();
        for (String payload : sent) {
            publisher.mqtt().publish(topic, utf8(payload), qos, false);
        }

        List<Received> received = subscriber.inbox().next(sent.size());
        assertThat(received).extracting(Received::payload).containsExactlyElementsOf(sent);
        assertThat(received).extracting(Received::qos).containsOnly(qos);
    }

    @Test
    void websocket_and_tcp_clients_exchange_messages_through_one_broker() throws Exception {
        broker = MqttBroker.start(BrokerConfig.builder()
                .listener(ListenerConfig.mqtt(InteropBrokers.LOOPBACK, 0))
                .listener(ListenerConfig.websockets(InteropBrokers.LOOPBACK, 0))
                .build());
        int tcpPort = broker.boundAddresses().get(0).getPort();
        int wsPort = broker.boundAddresses().get(1).getPort();
        String topic = unique("ws/bridge");
        Client tcpSubscriber = paho.connect(tcpPort, unique("tcp-sub"));
        tcpSubscriber.mqtt().subscribe(topic, 1);
        Client wsSubscriber = paho.connect("ws://127.0.0.1:" + wsPort + "/mqtt", unique("ws-sub"),
                PahoV3Clients.options(true));
        wsSubscriber.mqtt().subscribe(topic, 1);

        paho.connect(tcpPort, unique("tcp-pub")).mqtt().publish(topic, utf8("from tcp"), 1, false);
        Client wsPublisher = paho.connect("ws://127.0.0.1:" + wsPort + "/mqtt", unique("ws-pub"),
                PahoV3Clients.options(true));
        wsPublisher.mqtt().publish(topic, utf8("from ws"), 1, false);

        assertThat(tcpSubscriber.inbox().next(2)).extracting(Received::payload).containsExactly("from tcp", "from ws");
        assertThat(wsSubscriber.inbox().next(2)).extracting(Received::payload).containsExactly("from tcp", "from ws");
    }

    @Test
    void large_binary_payload_survives_websocket_framing() throws Exception {
        broker = InteropBrokers.withListener(ListenerConfig.websockets(InteropBrokers.LOOPBACK, 0));
        String uri = "ws://127.0.0.1:" + broker.port() + "/mqtt";
        String topic = unique("ws/big");
        Inbox<byte[]> inbox = new Inbox<>("big payload subscriber");
        Client subscriber = paho.create(uri, unique("sub"));
        subscriber.mqtt().connect(PahoV3Clients.options(true));
        subscriber.mqtt().subscribe(topic, 1, (t, m) -> inbox.add(m.getPayload()));
        Client publisher = paho.connect(uri, unique("pub"), PahoV3Clients.options(true));
        // larger than 65535, so the WebSocket frame needs the 8-byte length form; all byte values present
        byte[] payload = new byte[100_000];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31);
        }

        publisher.mqtt().publish(topic, payload, 1, false);

        assertThat(inbox.next()).isEqualTo(payload);
    }

    @Test
    void hivemq_mqtt5_client_round_trips_over_websocket() throws Exception {
        broker = InteropBrokers.withListener(ListenerConfig.websockets(InteropBrokers.LOOPBACK, 0));
        MqttWebSocketConfig webSocket = MqttWebSocketConfig.builder().serverPath("mqtt").build();
        String topic = unique("ws/hivemq");
        Inbox<String> inbox = new Inbox<>("hivemq ws subscriber");
        Mqtt5AsyncClient subscriber = hivemq.mqtt5(broker.port(), unique("sub"), null, webSocket);
        await(subscriber.connect());
        await(subscriber.subscribeWith().topicFilter(topic).qos(MqttQos.EXACTLY_ONCE)
                .callback(p -> inbox.add(InteropBrokers.text(p.getPayloadAsBytes()))).send());
        Mqtt5AsyncClient publisher = hivemq.mqtt5(broker.port(), unique("pub"), null, webSocket);
        await(publisher.connect());

        await(publisher.publishWith().topic(topic).qos(MqttQos.EXACTLY_ONCE).payload(utf8("hello ws")).send());

        assertThat(inbox.next()).isEqualTo("hello ws");
    }

    @Test
    void paho_v3_round_trips_over_wss_uri_with_tls_websocket_listener() throws Exception {
        TestCertificates certs = TestCertificates.create(tempDir);
        broker = InteropBrokers.withListener(InteropBrokers.tlsListener(certs, Protocol.WEBSOCKETS, false));
        String uri = "wss://127.0.0.1:" + broker.port() + "/mqtt";
        MqttConnectOptions options = PahoV3Clients.options(true);
        options.setSocketFactory(certs.trustOnlySslContext().getSocketFactory());
        String topic = unique("wss/paho");
        Client subscriber = paho.connect(uri, unique("sub"), options);
        subscriber.mqtt().subscribe(topic, 1);
        Client publisher = paho.connect(uri, unique("pub"), options);

        publisher.mqtt().publish(topic, utf8("over wss"), 1, false);

        assertThat(subscriber.inbox().next().payload()).isEqualTo("over wss");
    }
}
