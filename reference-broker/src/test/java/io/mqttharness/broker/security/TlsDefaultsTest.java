package io.mqttharness.broker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.ListenerConfig;
import io.mqttharness.broker.config.ListenerConfig.TlsConfig;
import io.mqttharness.broker.testsupport.TestCertificates;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import io.mqttharness.codec.reason.MqttPubAckReasonCode;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS defaults of a listener: TLS 1.2 and 1.3 only, forward-secret AEAD cipher suites only, the server's suite
 * order wins; and mosquitto's use_identity_as_username end to end (the certificate's CN is the user the ACL sees).
 */
class TlsDefaultsTest {
    private static final byte HANDSHAKE = 0x16;
    private static final byte ALERT = 0x15;
    private static final int ALERT_PROTOCOL_VERSION = 70;

    @TempDir
    static Path dir;
    private static TestCertificates certs;
    private MqttBroker broker;

    @BeforeAll
    static void certificates() {
        certs = TestCertificates.create(dir.resolve("certs"), "device-7");
    }

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private MqttBroker start(boolean requireCertificate, boolean identityAsUsername, Path acl) {
        TlsConfig tls = new TlsConfig(certs.serverCert(), certs.serverKey(), certs.caCert(), requireCertificate,
                identityAsUsername, null);
        broker = MqttBroker.start(BrokerConfig.builder()
                .listener(new ListenerConfig("127.0.0.1", 0, ListenerConfig.Protocol.MQTT, null, tls))
                .allowAnonymous(!identityAsUsername).aclFile(acl).sysInterval(0).build());
        return broker;
    }

    @Test
    void tls_1_1_client_hello_is_refused_without_a_server_hello() throws IOException {
        start(false, false, null);

        byte[] answer = exchange(clientHello(0x0302));

        assertThat(answer).as("the broker must not go on with a TLS 1.1 handshake").isNotEmpty();
        assertThat(answer[0]).as("record type").isNotEqualTo(HANDSHAKE).isEqualTo(ALERT);
        assertThat(answer[6] & 0xff).as("alert description").isEqualTo(ALERT_PROTOCOL_VERSION);
    }

    @Test
    void tls_1_2_client_hello_with_the_same_layout_gets_a_server_hello() throws IOException {
        // the control case for the test above: the same hand-made hello, only with version 1.2 and a GCM suite
        start(false, false, null);

        byte[] answer = exchange(clientHello(0x0303));

        assertThat(answer).isNotEmpty();
        assertThat(answer[0]).isEqualTo(HANDSHAKE);
    }

    @Test
    void client_offering_only_cbc_suites_is_refused() throws Exception {
        start(false, false, null);

        try (SSLSocket socket = (SSLSocket) certs.trustOnlySslContext().getSocketFactory()
                .createSocket("127.0.0.1", broker.port())) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.setEnabledCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                "TLS_RSA_WITH_AES_128_GCM_SHA256"});
            socket.setSoTimeout(5_000);
            assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void server_preference_picks_the_strongest_suite_the_client_offers() throws Exception {
        start(false, false, null);

        try (SSLSocket socket = (SSLSocket) certs.trustOnlySslContext().getSocketFactory()
                .createSocket("127.0.0.1", broker.port())) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            // the client prefers AES-128; the broker prefers AES-256 and must win
            socket.setEnabledCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"});
            socket.setSoTimeout(5_000);
            socket.startHandshake();

            assertThat(socket.getSession().getCipherSuite()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void default_client_negotiates_tls_1_3_with_an_allowed_suite() throws Exception {
        start(false, false, null);

        try (SSLSocket socket = (SSLSocket) certs.trustOnlySslContext().getSocketFactory()
                .createSocket("127.0.0.1", broker.port())) {
            socket.setSoTimeout(5_000);
            socket.startHandshake();

            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
            assertThat(TlsContextFactory.CIPHER_SUITES).contains(socket.getSession().getCipherSuite());
        }
    }

    @Test
    void certificate_common_name_is_the_user_name_the_acl_sees() throws IOException {
        Path acl = Files.writeString(dir.resolve("acl"), "user device-7\ntopic readwrite devices/device-7/#\n");
        start(true, true, acl);
        TestMqttClient c = TestMqttClient.open(broker.port(), MqttVersion.MQTT_5, certs.nettyClientContext(true),
                null);
        try {
            // the password is ignored: the certificate is the credential
            MqttConnAck ack = c.connect(new MqttConnect(MqttVersion.MQTT_5, true, 60, "dev", MqttProperties.EMPTY,
                    null, "someone-else", "x".getBytes(StandardCharsets.UTF_8)));
            assertThat(ack.reasonCode()).isEqualTo(MqttConnectReasonCode.SUCCESS);

            c.send(new MqttPublish(false, MqttQos.AT_LEAST_ONCE, false, "devices/device-7/temp", 1,
                    MqttProperties.EMPTY, "21".getBytes(StandardCharsets.UTF_8)));
            assertThat(c.expect(MqttPubAck.class).reasonCode()).isIn(MqttPubAckReasonCode.SUCCESS,
                    MqttPubAckReasonCode.NO_MATCHING_SUBSCRIBERS);
            c.send(new MqttPublish(false, MqttQos.AT_LEAST_ONCE, false, "devices/device-8/temp", 2,
                    MqttProperties.EMPTY, "21".getBytes(StandardCharsets.UTF_8)));
            assertThat(c.expect(MqttPubAck.class).reasonCode()).isEqualTo(MqttPubAckReasonCode.NOT_AUTHORIZED);
        } finally {
            c.close();
        }
    }

    /** Sends raw bytes, returns what the broker answers until it closes or goes quiet for 3 s. */
    private byte[] exchange(byte[] request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", broker.port()), 5_000);
            s.setSoTimeout(3_000);
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    if (out.size() >= 7) {
                        break;
                    }
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // quiet or reset: what arrived so far is the answer
            }
            return out.toByteArray();
        }
    }

    /**
     * A minimal ClientHello record with {@code version} as both record and client version, no session, suites
     * ECDHE-RSA AES-128/256 GCM (and CBC for TLS 1.1, which has no GCM), null compression, and the extensions a
     * TLS 1.2 server needs to pick ECDHE-RSA (supported groups, point formats, signature algorithms).
     */
    private static byte[] clientHello(int version) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream b = new DataOutputStream(body);
        b.writeShort(version);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        b.write(random);
        b.writeByte(0);
        int[] suites = version >= 0x0303 ? new int[] {0xc02f, 0xc030} : new int[] {0xc013, 0xc014};
        b.writeShort(suites.length * 2);
        for (int suite : suites) {
            b.writeShort(suite);
        }
        b.writeByte(1);
        b.writeByte(0);
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        DataOutputStream e = new DataOutputStream(ext);
        e.writeShort(0x000a); // supported_groups: x25519, secp256r1
        e.writeShort(6);
        e.writeShort(4);
        e.writeShort(0x001d);
        e.writeShort(0x0017);
        e.writeShort(0x000b); // ec_point_formats: uncompressed
        e.writeShort(2);
        e.writeByte(1);
        e.writeByte(0);
        e.writeShort(0x000d); // signature_algorithms: rsa_pss_rsae_sha256, rsa_pkcs1_sha256
        e.writeShort(6);
        e.writeShort(4);
        e.writeShort(0x0804);
        e.writeShort(0x0401);
        b.writeShort(ext.size());
        b.write(ext.toByteArray());
        byte[] hello = body.toByteArray();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        DataOutputStream r = new DataOutputStream(record);
        r.writeByte(HANDSHAKE);
        r.writeShort(0x0301);
        r.writeShort(hello.length + 4);
        r.writeByte(1); // ClientHello
        r.writeByte(0);
        r.writeShort(hello.length);
        r.write(hello);
        return record.toByteArray();
    }
}
