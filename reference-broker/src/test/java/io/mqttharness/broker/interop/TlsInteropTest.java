package io.mqttharness.broker.interop;

import static io.mqttharness.broker.interop.HiveMqClients.await;
import static io.mqttharness.broker.interop.InteropBrokers.unique;
import static io.mqttharness.broker.interop.InteropBrokers.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.mqttharness.broker.MqttBroker;
import io.mqttharness.broker.config.ListenerConfig;
import io.mqttharness.broker.config.ListenerConfig.Protocol;
import io.mqttharness.broker.config.ListenerConfig.TlsConfig;
import io.mqttharness.broker.interop.PahoV3Clients.Client;
import io.mqttharness.broker.testsupport.TestCertificates;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS listeners of the reference broker with Java clients (HiveMQ, Paho) and the throw-away PKI of
 * {@link TestCertificates}: server authentication, required client certificates, minimum TLS version.
 * mosquitto_pub over TLS is in {@link MosquittoCliInteropTest}.
 */
class TlsInteropTest {
    @TempDir
    static Path certDir;
    private static TestCertificates certs;

    private final HiveMqClients hivemq = new HiveMqClients();
    private final PahoV3Clients paho = new PahoV3Clients();
    private MqttBroker broker;

    @BeforeAll
    static void createCertificates() {
        // three RSA key pairs: made once for the whole class
        certs = TestCertificates.create(certDir);
    }

    @AfterEach
    void tearDown() {
        hivemq.close();
        paho.close();
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void hivemq_client_trusting_the_test_ca_connects_and_round_trips_over_tls() throws Exception {
        broker = InteropBrokers.withListener(InteropBrokers.tlsListener(certs, Protocol.MQTT, false));
        String topic = unique("tls/hivemq");
        Inbox<String> inbox = new Inbox<>("tls subscriber");
        Mqtt5AsyncClient subscriber = hivemq.mqtt5(broker.port(), unique("sub"), ssl(false));
        await(subscriber.connect());
        await(subscriber.subscribeWith().topicFilter(topic).qos(MqttQos.EXACTLY_ONCE)
                .callback(p -> inbox.add(InteropBrokers.text(p.getPayloadAsBytes()))).send());
        Mqtt5AsyncClient publisher = hivemq.mqtt5(broker.port(), unique("pub"), ssl(false));
        await(publisher.connect());

        await(publisher.publishWith().topic(topic).qos(MqttQos.EXACTLY_ONCE).payload(utf8("secret stuff")).send());

        assertThat(inbox.next()).isEqualTo("secret stuff");
    }

    @Test
    void hivemq_client_with_a_certificate_signed_by_the_ca_connects_when_certificates_are_required() throws Exception {
        broker = InteropBrokers.withListener(InteropBrokers.tlsListener(certs, Protocol.MQTT, true));
        Mqtt5AsyncClient client = hivemq.mqtt5(broker.port(), unique("with-cert"), ssl(true));

        await(client.connect());

        assertThat(client.getState()).isEqualTo(MqttClientState.CONNECTED);
    }

    @Test
    void hivemq_client_without_a_certificate_is_rejected_when_certificates_are_required() throws Exception {
        broker = InteropBrokers.withListener(InteropBrokers.tlsListener(certs, Protocol.MQTT, true));
        Mqtt5AsyncClient client = hivemq.mqtt5(broker.port(), unique("no-cert"), ssl(false));

        // under TLS 1.3 the client learns of the refusal only after its handshake, as a closed connection
        assertThatThrownBy(() -> await(client.connect()))
                .isInstanceOfAny(ConnectionFailedException.class, ConnectionClosedException.class);
        assertThat(client.getState()).isNotEqualTo(MqttClientState.CONNECTED);
    }

    @Test
    void tls_1_3_only_listener_refuses_a_tls_1_2_client_and_accepts_a_tls_1_3_client() throws Exception {
        TlsConfig tls13 = new TlsConfig(certs.serverCert(), certs.serverKey(), certs.caCert(), false, false,
                "TLSv1.3");
        broker = InteropBrokers.withListener(
                new ListenerConfig(InteropBrokers.LOOPBACK, 0, Protocol.MQTT, null, tls13));

        Mqtt5AsyncClient old = hivemq.mqtt5(broker.port(), unique("tls12"), ssl(false, List.of("TLSv1.2")));
        assertThatThrownBy(() -> await(old.connect()))
                .isInstanceOfAny(ConnectionFailedException.class, ConnectionClosedException.class);

        Mqtt5AsyncClient current = hivemq.mqtt5(broker.port(), unique("tls13"), ssl(false, List.of("TLSv1.3")));
        await(current.connect());
        assertThat(current.getState()).isEqualTo(MqttClientState.CONNECTED);
    }

    @Test
    void paho_v3_client_connects_over_ssl_uri_with_hostname_verification() throws Exception {
        broker = InteropBrokers.withListener(InteropBrokers.tlsListener(certs, Protocol.MQTT, false));
        String topic = unique("tls/paho");
        MqttConnectOptions options = PahoV3Clients.options(true);
        options.setSocketFactory(certs.trustOnlySslContext().getSocketFactory());
        // the server certificate names 127.0.0.1 as an IP SAN, so verification must succeed as is
        options.setHttpsHostnameVerificationEnabled(true);
        String uri = "ssl://127.0.0.1:" + broker.port();
        Client subscriber = paho.connect(uri, unique("sub"), options);
        subscriber.mqtt().subscribe(topic, 1);
        Client publisher = paho.connect(uri, unique("pub"), options);

        publisher.mqtt().publish(topic, utf8("over tls"), 1, false);

        assertThat(subscriber.inbox().next().payload()).isEqualTo("over tls");
    }

    private static MqttClientSslConfig ssl(boolean withClientCertificate) throws GeneralSecurityException {
        return ssl(withClientCertificate, null);
    }

    private static MqttClientSslConfig ssl(boolean withClientCertificate, List<String> protocols)
            throws GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(certs.loadTrustStore());
        var builder = MqttClientSslConfig.builder().trustManagerFactory(trust);
        if (withClientCertificate) {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(certs.loadClientKeyStore(), TestCertificates.STORE_PASSWORD.toCharArray());
            builder.keyManagerFactory(keys);
        }
        if (protocols != null) {
            builder.protocols(protocols);
        }
        return builder.build();
    }
}
