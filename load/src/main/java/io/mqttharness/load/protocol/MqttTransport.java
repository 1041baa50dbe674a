package io.mqttharness.load.protocol;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * How a load client reaches the broker: plain TCP, TLS, WebSocket or WebSocket over TLS.
 *
 * @param kind the transport
 * @param webSocketPath HTTP path of a WebSocket endpoint ({@code /mqtt} by default), {@code null} otherwise
 * @param trustAllCertificates TLS: accept any server certificate (self-signed test brokers); no host name check
 * @param serverName TLS: SNI host name to send and check, or {@code null} for the broker host
 */
public record MqttTransport(Kind kind, String webSocketPath, boolean trustAllCertificates, String serverName) {
    /** Default WebSocket path, the one most brokers use. */
    public static final String DEFAULT_WEBSOCKET_PATH = "/mqtt";
    /** Plain TCP. */
    public static final MqttTransport TCP = new MqttTransport(Kind.TCP, null, false, null);

    /** The transports. */
    public enum Kind {
        TCP, TLS, WS, WSS;

        public boolean secure() {
            return this == TLS || this == WSS;
        }

        public boolean webSocket() {
            return this == WS || this == WSS;
        }
    }

    public MqttTransport {
        Objects.requireNonNull(kind, "kind");
        if (kind.webSocket()) {
            webSocketPath = webSocketPath == null || webSocketPath.isEmpty() ? DEFAULT_WEBSOCKET_PATH : webSocketPath;
            if (!webSocketPath.startsWith("/")) {
                throw new IllegalArgumentException("WebSocket path must start with '/', got '" + webSocketPath + "'");
            }
        } else {
            webSocketPath = null;
        }
    }

    /**
     * The transport of a target URI: {@code tcp://} ({@code mqtt://}), {@code tls://} ({@code ssl://},
     * {@code mqtts://}), {@code ws://host:port/path} or {@code wss://host:port/path}.
     */
    public static MqttTransport of(URI target) {
        String scheme = target.getScheme() == null ? "tcp" : target.getScheme().toLowerCase(Locale.ROOT);
        Kind kind = switch (scheme) {
            case "tcp", "mqtt" -> Kind.TCP;
            case "tls", "ssl", "mqtts" -> Kind.TLS;
            case "ws" -> Kind.WS;
            case "wss" -> Kind.WSS;
            default -> throw new IllegalArgumentException("unknown scheme '" + scheme + "' in " + target
                    + " (expected tcp://, tls://, ws:// or wss://)");
        };
        String path = target.getRawPath();
        if (!kind.webSocket() && path != null && !path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException("a path is only allowed for ws:// and wss:// targets: " + target);
        }
        return new MqttTransport(kind, path, false, null);
    }

    /** The default port of the scheme: 1883, 8883, 80 or 443. */
    public int defaultPort() {
        return switch (kind) {
            case TCP -> 1883;
            case TLS -> 8883;
            case WS -> 80;
            case WSS -> 443;
        };
    }

    public MqttTransport withTrustAllCertificates(boolean trustAll) {
        return new MqttTransport(kind, webSocketPath, trustAll, serverName);
    }

    public MqttTransport withServerName(String name) {
        return new MqttTransport(kind, webSocketPath, trustAllCertificates, name);
    }
}
