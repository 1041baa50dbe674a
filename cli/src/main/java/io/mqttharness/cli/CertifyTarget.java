package io.mqttharness.cli;

import io.mqttharness.spec.client.MqttTarget;
import java.util.Locale;

/**
 * The broker {@code certify} checks: the embedded reference broker (no {@code --target}, or {@code embedded}) or a
 * network address over plain TCP, TLS or WebSocket (TLS trust settings come from the profile's {@code tls:} section).
 *
 * @param target the address, or {@code null} for the embedded broker (its port is known only once it runs)
 */
record CertifyTarget(MqttTarget target) {

    /** The embedded reference broker. */
    static final CertifyTarget EMBEDDED = new CertifyTarget(null);

    boolean embedded() {
        return target == null;
    }

    /**
     * Parses the {@code --target} value.
     *
     * @throws CliException with exit code 2 for unsupported schemes and malformed addresses
     */
    static CertifyTarget parse(String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("embedded")) {
            return EMBEDDED;
        }
        String t = text.trim();
        int schemeEnd = t.indexOf("://");
        String scheme = schemeEnd < 0 ? "tcp" : t.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "tcp", "mqtt", "tls", "ssl", "mqtts", "ws", "wss" -> { }
            default -> throw new CliException(CliException.BAD_INPUT, "unknown scheme '" + scheme + "' in --target "
                    + t + " (expected tcp://, tls://, ws:// or wss:// host:port, or embedded)");
        }
        try {
            return new CertifyTarget(MqttTarget.parse(schemeEnd < 0 ? "tcp://" + t : t));
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.BAD_INPUT, "--target " + t + ": " + e.getMessage(), e);
        }
    }
}
