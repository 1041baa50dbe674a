package io.mqttharness.load.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.ListenerConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load runs over TLS and WebSocket-over-TLS against the reference broker with a self-signed certificate made by
 * openssl (skipped, with the reason, when openssl is missing).
 */
class TlsTransportTest {
    @TempDir
    static Path certs;

    @BeforeAll
    static void selfSignedCertificate() throws Exception {
        Process openssl;
        try {
            openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=localhost", "-keyout", certs.resolve("key.pem").toString(), "-out",
                    certs.resolve("cert.pem").toString()).redirectErrorStream(true)
                    .redirectOutput(certs.resolve("openssl.log").toFile()).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "openssl is not installed: " + e.getMessage());
            return;
        }
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(Files.readString(certs.resolve("openssl.log"))).isZero();
    }

    @Test
    @Timeout(60)
    void tls_and_wss_with_trust_all_deliver_every_message(@TempDir Path dir) throws Exception {
        ListenerConfig.TlsConfig tls = new ListenerConfig.TlsConfig(certs.resolve("cert.pem"), certs.resolve("key.pem"),
                null, false, false, null);
        BrokerConfig config = BrokerConfig.builder()
                .listener(ListenerConfig.mqtt("127.0.0.1", 0).withTls(tls))
                .listener(ListenerConfig.websockets("127.0.0.1", 0).withTls(tls)).build();
        try (MqttBroker broker = MqttBroker.start(config)) {
            int tlsPort = broker.boundAddresses().get(0).getPort();
            int wssPort = broker.boundAddresses().get(1).getPort();
            for (String target : new String[] {"tls://localhost:" + tlsPort, "wss://localhost:" + wssPort + "/mqtt"}) {
                LoadResult result = new LoadRunner().run(request(target, true, dir.resolve(target.substring(0, 3))),
                        LoadProgressListener.NONE);

                assertThat(result.messages().published()).as(target).isBetween(9L, 11L);
                assertThat(result.messages().received()).as(target).isEqualTo(result.messages().published());
                assertThat(result.errors()).as(target).isEmpty();
            }
        }
    }

    @Test
    @Timeout(30)
    void a_self_signed_certificate_without_trust_all_is_a_clear_error(@TempDir Path dir) {
        ListenerConfig.TlsConfig tls = new ListenerConfig.TlsConfig(certs.resolve("cert.pem"), certs.resolve("key.pem"),
                null, false, false, null);
        try (MqttBroker broker = MqttBroker.start(BrokerConfig.builder()
                .listener(ListenerConfig.mqtt("127.0.0.1", 0).withTls(tls)).build())) {
            assertThatThrownBy(() -> new LoadRunner().run(request("tls://localhost:" + broker.port(), false, dir),
                    LoadProgressListener.NONE))
                    .isInstanceOf(LoadException.class)
                    .hasMessageContaining("cannot reach the broker at tls://localhost:" + broker.port())
                    .hasMessageContaining("TLS handshake failed");
        }
    }

    private static LoadRequest request(String target, boolean trustAll, Path dir) {
        return new LoadRequest(LoadScenario.SENSOR_FLEET, URI.create(target), "5", 2, 5, 1, Duration.ofSeconds(1),
                Duration.ZERO, 1, 64, null, null, trustAll, dir, Map.of());
    }
}
