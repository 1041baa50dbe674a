package io.mqttharness.cli.load;

import java.net.URI;
import java.util.Locale;

/**
 * The {@code --target} of {@code mqtt-harness load}: {@code embedded} (the reference broker in this JVM) or a URL
 * {@code tcp://host:port} ({@code mqtt://}, or bare {@code host:port}), {@code tls://host:port} ({@code ssl://},
 * {@code mqtts://}), {@code ws://host:port/path} or {@code wss://host:port/path}.
 *
 * @param uri the normalised address, or {@code null} for the embedded broker
 */
record LoadTarget(URI uri) {
    static final LoadTarget EMBEDDED = new LoadTarget(null);

    boolean embedded() {
        return uri == null;
    }

    /** Parses the option; IllegalArgumentException with a one-line message for anything unusable. */
    static LoadTarget parse(String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("embedded")) {
            return EMBEDDED;
        }
        String t = text.trim();
        String withScheme = t.contains("://") ? t : "tcp://" + t;
        String scheme = withScheme.substring(0, withScheme.indexOf("://")).toLowerCase(Locale.ROOT);
        String normalised = switch (scheme) {
            case "tcp", "mqtt" -> "tcp";
            case "tls", "ssl", "mqtts" -> "tls";
            case "ws" -> "ws";
            case "wss" -> "wss";
            default -> throw new IllegalArgumentException("unknown scheme '" + scheme + "' in --target " + t
                    + " (expected tcp://, tls://, ws:// or wss:// host:port, or embedded)");
        };
        URI uri;
        try {
            uri = URI.create(normalised + withScheme.substring(withScheme.indexOf("://")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--target " + t + " is not a valid address: " + e.getMessage());
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("--target " + t + ": no host (expected e.g. tcp://localhost:1883)");
        }
        String path = uri.getRawPath();
        if (!normalised.startsWith("ws") && path != null && !path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException("--target " + t + ": a path is only allowed for ws:// and wss://");
        }
        if (uri.getPort() < 0) {
            int port = switch (normalised) {
                case "tcp" -> 1883;
                case "tls" -> 8883;
                case "ws" -> 80;
                default -> 443;
            };
            uri = URI.create(normalised + "://" + uri.getRawAuthority() + ":" + port
                    + (path == null ? "" : path));
        }
        if (normalised.startsWith("ws") && (uri.getRawPath() == null || uri.getRawPath().isEmpty())) {
            uri = URI.create(uri + "/mqtt");
        }
        return new LoadTarget(uri);
    }
}
