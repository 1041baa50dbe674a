package io.mqttharness.cli;

import io.mqttharness.spec.client.MqttTarget;
import java.util.Locale;

/**
 * The broker {@code certify} checks: the embedded reference broker (no {@code --target}, or {@code embedded}) or a
 * network address. The engine's scripted client speaks plain TCP only today, so TLS and WebSocket targets are
 * refused with a clear message instead of being tried and failing in odd ways.
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
            case "tcp", "mqtt" -> { }
            case "tls", "ssl", "mqtts", "ws", "wss" -> throw new CliException(CliException.BAD_INPUT, scheme
                    + ":// targets are not supported yet: the conformance client speaks plain TCP only "
                    + "(use tcp://host:port, e.g. a plain listener of the broker)");
            default -> throw new CliException(CliException.BAD_INPUT, "unknown scheme '" + scheme + "' in --target "
                    + t + " (expected tcp://host:port or embedded)");
        }
        String rest = schemeEnd < 0 ? t : t.substring(schemeEnd + 3);
        if (rest.contains("/") && !rest.endsWith("/")) {
            throw new CliException(CliException.BAD_INPUT, "--target " + t + ": a tcp:// target has no path "
                    + "(expected tcp://host:port)");
        }
        try {
            return new CertifyTarget(MqttTarget.parse(schemeEnd < 0 ? "tcp://" + t : t));
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.BAD_INPUT, "--target " + t + ": " + e.getMessage(), e);
        }
    }
}
