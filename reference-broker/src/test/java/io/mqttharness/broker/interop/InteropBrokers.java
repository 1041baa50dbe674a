package io.mqttharness.broker.interop;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.ListenerConfig;
import io.mqttharness.broker.config.ListenerConfig.TlsConfig;
import io.mqttharness.broker.security.PasswordFile;
import io.mqttharness.broker.testsupport.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * Brokers and names for the interoperability tests: every broker listens on 127.0.0.1, port 0, and every
 * topic and client id is unique so that a failing test cannot leak messages into another.
 */
final class InteropBrokers {
    /** Upper bound for any single wait on a third-party client (connect, SUBACK, a delivered message). */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final long TIMEOUT_SECONDS = TIMEOUT.toSeconds();
    static final String LOOPBACK = "127.0.0.1";

    private InteropBrokers() {
    }

    /** A loopback broker with default settings and anonymous access. */
    static MqttBroker plain() {
        return MqttBroker.startLoopback();
    }

    /** A loopback broker with one listener and otherwise default settings. */
    static MqttBroker withListener(ListenerConfig listener) {
        return MqttBroker.start(BrokerConfig.builder().listener(listener).build());
    }

    /** A loopback broker that refuses anonymous clients and checks the given mosquitto_passwd file. */
    static MqttBroker withPasswordFile(Path passwordFile) {
        return MqttBroker.start(BrokerConfig.builder()
                .listener(ListenerConfig.mqtt(LOOPBACK, 0))
                .allowAnonymous(false)
                .passwordFile(passwordFile)
                .build());
    }

    /** Writes a password file with one user, hashed by our own {@link PasswordFile#hashEntry}. */
    static Path writePasswordFile(Path dir, String user, String password) {
        Path file = dir.resolve("passwd-" + UUID.randomUUID());
        try {
            Files.writeString(file, PasswordFile.hashEntry(user, password) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A TLS listener on 127.0.0.1:0 with the test PKI; {@code requireCertificate} asks for client certs. */
    static ListenerConfig tlsListener(TestCertificates certs, ListenerConfig.Protocol protocol,
            boolean requireCertificate) {
        TlsConfig tls = new TlsConfig(certs.serverCert(), certs.serverKey(), certs.caCert(), requireCertificate,
                false, null);
        return new ListenerConfig(LOOPBACK, 0, protocol, null, tls);
    }

    /**
     * Waits until the broker no longer has a connection for {@code clientId}, i.e. it has finished handling
     * the client's DISCONNECT or closed socket (and so has already published or discarded its will).
     */
    static void awaitGone(MqttBroker broker, String clientId) {
        Awaitility.await("broker has closed the connection of " + clientId)
                .atMost(TIMEOUT)
                .until(() -> broker.context().connections().snapshot().stream()
                        .noneMatch(c -> clientId.equals(c.clientId())));
    }

    /** A name nobody else uses, e.g. {@code unique("paho3/qos")} for a topic. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
