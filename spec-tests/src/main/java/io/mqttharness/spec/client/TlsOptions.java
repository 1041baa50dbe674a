package io.mqttharness.spec.client;

import java.nio.file.Path;

/**
 * How the scripted client trusts a TLS broker ({@code ssl://}, {@code wss://}) and whether it presents a client
 * certificate.
 *
 * @param caFile PEM CA certificate(s) the broker's certificate must chain to; {@code null}: the JVM's default
 *        trust store
 * @param insecure trust any certificate and skip host name verification (self-signed test brokers); every
 *        connection then records a warning in the trace
 * @param clientCertFile PEM client certificate (chain) for brokers requiring one, or {@code null}
 * @param clientKeyFile PEM PKCS#8 private key of {@code clientCertFile}, or {@code null}
 */
public record TlsOptions(Path caFile, boolean insecure, Path clientCertFile, Path clientKeyFile) {

    /** Default trust (the JVM's CA certificates), no client certificate. */
    public static final TlsOptions DEFAULT = new TlsOptions(null, false, null, null);

    public TlsOptions {
        if ((clientCertFile == null) != (clientKeyFile == null)) {
            throw new IllegalArgumentException("a client certificate needs both client_cert and client_key");
        }
        if (insecure && caFile != null) {
            throw new IllegalArgumentException("give either a CA file or insecure: true, not both");
        }
    }
}
