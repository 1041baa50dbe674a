package io.mqttharness.broker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.BrokerConfigException;
import io.mqttharness.broker.config.ListenerConfig;
import io.mqttharness.broker.config.ListenerConfig.TlsConfig;
import io.mqttharness.broker.testsupport.TestCertificates;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsContextFactoryTest {

    @TempDir
    static Path dir;
    static TestCertificates certs;

    @BeforeAll
    static void createCertificates() {
        certs = TestCertificates.create(dir.resolve("pki"));
    }

    private static ListenerConfig listener(TlsConfig tls) {
        return ListenerConfig.mqtt("127.0.0.1", 0).withTls(tls);
    }

    private static SSLEngine serverEngine(SslContext context) {
        return context.newEngine(ByteBufAllocator.DEFAULT);
    }

    private static SSLEngine clientEngine(boolean withClientCertificate) {
        SSLEngine engine = certs.nettyClientContext(withClientCertificate)
                .newEngine(ByteBufAllocator.DEFAULT, "localhost", 8883);
        return engine;
    }

    @Test
    void test_certificates_write_pem_files_in_the_documented_forms() throws Exception {
        assertThat(Files.readString(certs.caCert())).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Files.readString(certs.serverKey())).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(certs.serverKeyPkcs1())).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(Files.readString(certs.clientKey())).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(certs.loadClientKeyStore().getCertificateChain("client")).hasSize(2);
        assertThat(certs.loadTrustStore().getCertificate("ca")).isNotNull();
    }

    @Test
    void server_context_from_pkcs8_key_completes_handshake_with_a_client_trusting_the_ca() throws Exception {
        SslContext context = TlsContextFactory.serverContext(
                listener(new TlsConfig(certs.serverCert(), certs.serverKey(), null, false, false, null)));
        SSLEngine client = clientEngine(false);

        InMemoryTlsHandshake.run(client, serverEngine(context));

        X509Certificate server = (X509Certificate) client.getSession().getPeerCertificates()[0];
        assertThat(TlsIdentity.commonName(server)).isEqualTo("localhost");
        assertThat(client.getSession().getProtocol()).isIn("TLSv1.2", "TLSv1.3");
    }

    @Test
    void server_context_accepts_pkcs1_rsa_private_key_as_written_by_openssl() throws Exception {
        SslContext context = TlsContextFactory.serverContext(
                listener(new TlsConfig(certs.serverCert(), certs.serverKeyPkcs1(), null, false, false, null)));

        InMemoryTlsHandshake.run(clientEngine(false), serverEngine(context));
    }

    @Test
    void require_certificate_rejects_a_client_without_certificate() {
        SslContext context = TlsContextFactory.serverContext(listener(
                new TlsConfig(certs.serverCert(), certs.serverKey(), certs.caCert(), true, false, null)));

        assertThatThrownBy(() -> InMemoryTlsHandshake.run(clientEngine(false), serverEngine(context)))
                .isInstanceOf(SSLException.class);
    }

    @Test
    void require_certificate_accepts_a_ca_signed_client_and_exposes_its_common_name() throws Exception {
        SslContext context = TlsContextFactory.serverContext(listener(
                new TlsConfig(certs.serverCert(), certs.serverKey(), certs.caCert(), true, true, null)));
        SSLEngine server = serverEngine(context);

        InMemoryTlsHandshake.run(clientEngine(true), server);

        assertThat(TlsIdentity.commonName(server.getSession())).isEqualTo(TestCertificates.DEFAULT_CLIENT_CN);
    }

    @Test
    void without_require_certificate_no_client_certificate_is_requested() throws Exception {
        SslContext context = TlsContextFactory.serverContext(listener(
                new TlsConfig(certs.serverCert(), certs.serverKey(), certs.caCert(), false, false, null)));
        SSLEngine server = serverEngine(context);

        InMemoryTlsHandshake.run(clientEngine(true), server);

        assertThat(TlsIdentity.commonName(server.getSession())).isNull();
    }

    @Test
    void only_tls_1_2_and_1_3_are_enabled_by_default() {
        SslContext context = TlsContextFactory.serverContext(
                listener(new TlsConfig(certs.serverCert(), certs.serverKey(), null, false, false, null)));

        assertThat(serverEngine(context).getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.2", "TLSv1.3");
    }

    @Test
    void tls_version_1_3_rejects_a_tls_1_2_only_client() {
        SslContext context = TlsContextFactory.serverContext(
                listener(new TlsConfig(certs.serverCert(), certs.serverKey(), null, false, false, "TLSv1.3")));
        SSLEngine client = clientEngine(false);
        client.setEnabledProtocols(new String[] {"TLSv1.2"});

        assertThat(serverEngine(context).getEnabledProtocols()).containsExactly("TLSv1.3");
        assertThatThrownBy(() -> InMemoryTlsHandshake.run(client, serverEngine(context)))
                .isInstanceOf(SSLException.class);
    }

    @Test
    void unreadable_certificate_is_a_config_error_naming_listener_and_file() throws Exception {
        Path bogus = Files.writeString(dir.resolve("bogus.pem"), "not a certificate\n");

        assertThatThrownBy(() -> TlsContextFactory.serverContext(
                listener(new TlsConfig(bogus, certs.serverKey(), null, false, false, null))))
                .isInstanceOf(BrokerConfigException.class)
                .hasMessageContaining("listener 127.0.0.1:0")
                .hasMessageContaining(bogus.toString());
    }

    @Test
    void key_that_does_not_belong_to_the_certificate_is_a_config_error() {
        assertThatThrownBy(() -> TlsContextFactory.serverContext(
                listener(new TlsConfig(certs.serverCert(), certs.clientKey(), null, false, false, null))))
                .isInstanceOf(BrokerConfigException.class)
                .hasMessageContaining("keyfile " + certs.clientKey() + " does not match the certificate");
    }

    @Test
    void keyfile_without_private_key_is_a_config_error() {
        assertThatThrownBy(() -> TlsContextFactory.serverContext(
                listener(new TlsConfig(certs.serverCert(), certs.serverCert(), null, false, false, null))))
                .isInstanceOf(BrokerConfigException.class)
                .hasMessageContaining("cannot load keyfile " + certs.serverCert())
                .hasMessageContaining("no PEM private key found");
    }

    @Test
    void broker_security_builds_each_listener_context_once_and_none_for_plain_listeners() {
        ListenerConfig tls = listener(new TlsConfig(certs.serverCert(), certs.serverKey(), null, false, false, null));
        ListenerConfig plain = ListenerConfig.mqtt("127.0.0.1", 0);
        BrokerSecurity security = BrokerSecurity.from(BrokerConfig.builder().listener(plain).listener(tls).build());

        assertThat(security.sslContext(tls)).isNotNull().isSameAs(security.sslContext(tls));
        assertThat(security.sslContext(plain)).isNull();
    }
}
