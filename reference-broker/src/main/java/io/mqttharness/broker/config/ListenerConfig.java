package io.mqttharness.broker.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One listener, as declared by a mosquitto-style {@code listener PORT [HOST]} line and the TLS / protocol
 * lines that follow it.
 *
 * @param host bind address, {@code null} for all interfaces
 * @param port TCP port; 0 asks the OS for a free port (tests)
 * @param protocol {@link Protocol#MQTT} or {@link Protocol#WEBSOCKETS}
 * @param webSocketPath HTTP path of the WebSocket endpoint (default {@code /mqtt}); only for WEBSOCKETS
 * @param tls TLS settings, or {@code null} for plain TCP
 */
public record ListenerConfig(String host, int port, Protocol protocol, String webSocketPath, TlsConfig tls) {

    /** Wire protocol of a listener. */
    public enum Protocol { MQTT, WEBSOCKETS }

    public ListenerConfig {
        Objects.requireNonNull(protocol, "protocol");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        webSocketPath = webSocketPath == null ? "/mqtt" : webSocketPath;
    }

    /** A plain MQTT listener. */
    public static ListenerConfig mqtt(String host, int port) {
        return new ListenerConfig(host, port, Protocol.MQTT, null, null);
    }

    /**
     * TLS settings of a listener (mosquitto's {@code cafile}, {@code certfile}, {@code keyfile},
     * {@code require_certificate}, {@code use_identity_as_username}, {@code tls_version}).
     */
    public record TlsConfig(Path certFile, Path keyFile, Path caFile, boolean requireCertificate,
            boolean useIdentityAsUsername, String minTlsVersion) {
        public TlsConfig {
            Objects.requireNonNull(certFile, "certfile");
            Objects.requireNonNull(keyFile, "keyfile");
            minTlsVersion = minTlsVersion == null ? "TLSv1.2" : minTlsVersion;
        }
    }
}
