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

    /** A WebSocket listener on the default path {@code /mqtt}. */
    public static ListenerConfig websockets(String host, int port) {
        return new ListenerConfig(host, port, Protocol.WEBSOCKETS, null, null);
    }

    /** This listener with TLS settings ({@code null} for plain TCP). */
    public ListenerConfig withTls(TlsConfig value) {
        return new ListenerConfig(host, port, protocol, webSocketPath, value);
    }

    /** This listener with another wire protocol. */
    public ListenerConfig withProtocol(Protocol value) {
        return new ListenerConfig(host, port, value, webSocketPath, tls);
    }

    /** {@code host:port} as mosquitto names listeners in its messages; {@code *} stands for all interfaces. */
    public String displayName() {
        return (host == null ? "*" : host) + ":" + port;
    }

    /**
     * TLS settings of a listener (mosquitto's {@code cafile}, {@code certfile}, {@code keyfile},
     * {@code require_certificate}, {@code use_identity_as_username}, {@code tls_version}).
     *
     * @param certFile PEM server certificate (chain)
     * @param keyFile PEM private key, PKCS#8 or PKCS#1
     * @param caFile PEM CA certificates trusted for client certificates, or {@code null}
     * @param requireCertificate whether a client must present a certificate signed by {@code caFile}
     * @param useIdentityAsUsername whether the client certificate's CN becomes the user name
     * @param minTlsVersion {@code TLSv1.2} (default: TLS 1.2 and 1.3) or {@code TLSv1.3}
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
