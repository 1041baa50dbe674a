package io.mqttharness.cli;

import io.mqttharness.broker.config.ListenerConfig;
import java.net.InetAddress;
import java.net.Inet6Address;
import java.net.InetSocketAddress;

/** Formats a bound listener the way clients would address it, e.g. {@code mqtts://127.0.0.1:8883}. */
final class ListenerUrl {

    private ListenerUrl() {
    }

    static String of(ListenerConfig listener, InetSocketAddress bound) {
        boolean tls = listener.tls() != null;
        boolean webSockets = listener.protocol() == ListenerConfig.Protocol.WEBSOCKETS;
        String scheme = webSockets ? (tls ? "wss" : "ws") : (tls ? "mqtts" : "mqtt");
        String path = webSockets ? listener.webSocketPath() : "";
        return scheme + "://" + host(listener.host(), bound) + ":" + bound.getPort() + path;
    }

    private static String host(String configured, InetSocketAddress bound) {
        InetAddress address = bound.getAddress();
        if (address == null) {
            return bound.getHostString();
        }
        if (address.isAnyLocalAddress()) {
            // Java binds "0.0.0.0" as a dual-stack socket that reports "::"; show what the user asked for.
            if (configured == null) {
                return "[::]";
            }
            return configured.indexOf(':') >= 0 ? "[" + configured + "]" : configured;
        }
        if (address instanceof Inet6Address && address.isLoopbackAddress()) {
            return "[::1]";
        }
        String literal = address.getHostAddress();
        if (address instanceof Inet6Address) {
            // Drop a zone id ("%lo") and bracket the literal, as URLs require.
            int zone = literal.indexOf('%');
            return "[" + (zone < 0 ? literal : literal.substring(0, zone)) + "]";
        }
        return literal;
    }
}
