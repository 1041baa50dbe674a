package io.mqttharness.spec.client;

import java.util.Locale;
import java.util.Objects;

/**
 * The broker under test: {@code tcp://host:port} (also written {@code mqtt://} or plain {@code host:port}).
 * TLS ({@code ssl://}) and WebSocket ({@code ws://}) transports are named here so that requests can carry them;
 * the scripted client supports {@link Transport#TCP} today.
 */
public record MqttTarget(Transport transport, String host, int port) {

    /** The transports a target can use. */
    public enum Transport { TCP, TLS, WEBSOCKET }

    public MqttTarget {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, got " + port);
        }
    }

    /** A plain TCP target. */
    public static MqttTarget tcp(String host, int port) {
        return new MqttTarget(Transport.TCP, host, port);
    }

    /**
     * Parses {@code tcp://host:port}, {@code mqtt://host:port}, {@code ssl://}, {@code mqtts://}, {@code ws://} or
     * {@code host:port} (TCP); the port defaults to 1883 (8883 for TLS).
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
                case "ws", "wss" -> Transport.WEBSOCKET;
                default -> throw new IllegalArgumentException("unknown scheme '" + s + "' in '" + text
                        + "' (expected tcp://, mqtt://, ssl://, mqtts:// or ws://)");
            };
            t = t.substring(scheme + 3);
        }
        if (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        int colon = t.lastIndexOf(':');
        String host = colon < 0 ? t : t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("no host in '" + text + "' (expected e.g. tcp://localhost:1883)");
        }
        int port = transport == Transport.TLS ? 8883 : 1883;
        if (colon >= 0) {
            try {
                port = Integer.parseInt(t.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid port in '" + text + "'");
            }
        }
        return new MqttTarget(transport, host, port);
    }

    @Override
    public String toString() {
        String scheme = switch (transport) {
            case TCP -> "tcp";
            case TLS -> "ssl";
            case WEBSOCKET -> "ws";
        };
        return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
