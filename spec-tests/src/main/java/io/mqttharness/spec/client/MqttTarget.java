package io.mqttharness.spec.client;

import java.util.Locale;
import java.util.Objects;

/**
 * The broker under test and how to reach it: {@code tcp://host:port} (also {@code mqtt://} or plain
 * {@code host:port}), {@code ssl://host:port} (also {@code tls://}, {@code mqtts://}), {@code ws://host:port/path}
 * or {@code wss://host:port/path}.
 *
 * @param transport how packets travel
 * @param host host name or address
 * @param port TCP port
 * @param path HTTP path of a WebSocket endpoint (default {@code /mqtt}); {@code null} for other transports
 * @param tls trust settings of {@code ssl://} and {@code wss://} targets ({@code null}: {@link TlsOptions#DEFAULT})
 */
public record MqttTarget(Transport transport, String host, int port, String path, TlsOptions tls) {

    /** Default HTTP path of a WebSocket endpoint (the one most brokers use). */
    public static final String DEFAULT_WEBSOCKET_PATH = "/mqtt";

    /** The transports a target can use. */
    public enum Transport {
        TCP, TLS, WEBSOCKET, WEBSOCKET_TLS;

        /** Whether the connection is encrypted with TLS. */
        public boolean secure() {
            return this == TLS || this == WEBSOCKET_TLS;
        }

        /** Whether MQTT travels in WebSocket binary frames. */
        public boolean webSocket() {
            return this == WEBSOCKET || this == WEBSOCKET_TLS;
        }
    }

    public MqttTarget {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, got " + port);
        }
        if (transport.webSocket()) {
            path = path == null || path.isEmpty() ? DEFAULT_WEBSOCKET_PATH : path;
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("WebSocket path must start with '/', got '" + path + "'");
            }
        } else {
            path = null;
        }
        tls = transport.secure() ? (tls == null ? TlsOptions.DEFAULT : tls) : null;
    }

    /** A target with the default path and TLS options. */
    public MqttTarget(Transport transport, String host, int port) {
        this(transport, host, port, null, null);
    }

    /** A plain TCP target. */
    public static MqttTarget tcp(String host, int port) {
        return new MqttTarget(Transport.TCP, host, port);
    }

    /** This target with other TLS options (ignored by targets without TLS). */
    public MqttTarget withTls(TlsOptions options) {
        return new MqttTarget(transport, host, port, path, options);
    }

    /**
     * Parses {@code tcp://host:port}, {@code mqtt://}, {@code ssl://}, {@code tls://}, {@code mqtts://},
     * {@code ws://host:port/path}, {@code wss://host:port/path} or {@code host:port} (TCP). Default ports: 1883
     * (TCP), 8883 (TLS), 80 (ws), 443 (wss); default WebSocket path {@code /mqtt}.
     */
    public static MqttTarget parse(String text) {
        String t = text.trim();
        Transport transport = Transport.TCP;
        int scheme = t.indexOf("://");
        if (scheme >= 0) {
            String s = t.substring(0, scheme).toLowerCase(Locale.ROOT);
            transport = switch (s) {
                case "tcp", "mqtt" -> Transport.TCP;
                case "ssl", "tls", "mqtts" -> Transport.TLS;
                case "ws" -> Transport.WEBSOCKET;
                case "wss" -> Transport.WEBSOCKET_TLS;
                default -> throw new IllegalArgumentException("unknown scheme '" + s + "' in '" + text
                        + "' (expected tcp://, mqtt://, ssl://, tls://, mqtts://, ws:// or wss://)");
            };
            t = t.substring(scheme + 3);
        }
        String path = null;
        int slash = t.indexOf('/');
        if (slash >= 0) {
            path = t.substring(slash);
            t = t.substring(0, slash);
            if (!transport.webSocket() && !path.equals("/")) {
                throw new IllegalArgumentException("a path is only allowed for ws:// and wss:// targets: '"
                        + text + "'");
            }
        }
        int colon = t.lastIndexOf(':');
        if (colon >= 0 && t.startsWith("[") && t.indexOf(']') > colon) {
            colon = -1;
        }
        String host = colon < 0 ? t : t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("no host in '" + text + "' (expected e.g. tcp://localhost:1883)");
        }
        int port = switch (transport) {
            case TCP -> 1883;
            case TLS -> 8883;
            case WEBSOCKET -> 80;
            case WEBSOCKET_TLS -> 443;
        };
        if (colon >= 0) {
            try {
                port = Integer.parseInt(t.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid port in '" + text + "'");
            }
        }
        return new MqttTarget(transport, host, port, path, null);
    }

    @Override
    public String toString() {
        String scheme = switch (transport) {
            case TCP -> "tcp";
            case TLS -> "ssl";
            case WEBSOCKET -> "ws";
            case WEBSOCKET_TLS -> "wss";
        };
        return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + (path == null ? "" : path);
    }
}
