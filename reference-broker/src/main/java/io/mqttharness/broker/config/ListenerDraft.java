package io.mqttharness.broker.config;

import java.nio.file.Path;

/**
 * A listener while its lines are being read: the {@code listener} line itself and the listener-scoped lines
 * that follow it (or, for mosquitto's implicit default listener, {@code port}, {@code bind_address} and the
 * listener-scoped lines before the first {@code listener} line). Remembers the line of each TLS option so that
 * an inconsistent TLS setup is reported where it was written.
 */
final class ListenerDraft {

    /** mosquitto's port for the default listener when {@code port} is not given (mosquitto.conf(5), "port"). */
    static final int MOSQUITTO_DEFAULT_PORT = 1883;

    /** Line of the {@code listener} line, or of the first line that brought the default listener into use. */
    ConfigLine declaredBy;
    String host;
    Integer port;
    ListenerConfig.Protocol protocol = ListenerConfig.Protocol.MQTT;
    Path certFile;
    Path keyFile;
    Path caFile;
    boolean requireCertificate;
    boolean useIdentityAsUsername;
    String minTlsVersion;
    /** First TLS-related line, for the error when certfile/keyfile are incomplete. */
    ConfigLine firstTlsLine;
    ConfigLine requireCertificateLine;
    ConfigLine useIdentityLine;

    ListenerDraft(ConfigLine declaredBy, Integer port, String host) {
        this.declaredBy = declaredBy;
        this.port = port;
        this.host = host;
    }

    /** Marks the draft as used; the default listener exists only once one of its options was given. */
    void touch(ConfigLine line) {
        if (declaredBy == null) {
            declaredBy = line;
        }
    }

    void tlsOption(ConfigLine line) {
        touch(line);
        if (firstTlsLine == null) {
            firstTlsLine = line;
        }
    }

    boolean used() {
        return declaredBy != null;
    }

    ListenerConfig build() {
        int boundPort = port == null ? MOSQUITTO_DEFAULT_PORT : port;
        return new ListenerConfig(host, boundPort, protocol, null, buildTls(boundPort));
    }

    private ListenerConfig.TlsConfig buildTls(int boundPort) {
        if (firstTlsLine == null) {
            return null;
        }
        String name = "listener " + (host == null ? "" : host + ":") + boundPort;
        if (certFile == null || keyFile == null) {
            throw firstTlsLine.error(name + " has TLS options but certfile and keyfile are both required to enable "
                    + "TLS (missing " + (certFile == null ? "certfile" : "keyfile") + ")");
        }
        if (requireCertificate && caFile == null) {
            throw requireCertificateLine.error(name + ": require_certificate true needs cafile, the CA that "
                    + "signs the client certificates");
        }
        if (useIdentityAsUsername && !requireCertificate) {
            throw useIdentityLine.error(name + ": use_identity_as_username true needs require_certificate true, "
                    + "otherwise clients need not present a certificate to take the identity from");
        }
        return new ListenerConfig.TlsConfig(certFile, keyFile, caFile, requireCertificate, useIdentityAsUsername,
                minTlsVersion);
    }
}
