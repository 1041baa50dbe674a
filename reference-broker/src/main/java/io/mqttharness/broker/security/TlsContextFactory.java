package io.mqttharness.broker.security;

import io.mqttharness.broker.config.BrokerConfigException;
import io.mqttharness.broker.config.ListenerConfig;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLException;

/**
 * Builds the Netty server {@link SslContext} of a TLS listener from PEM files, as mosquitto's certfile /
 * keyfile / cafile / require_certificate / tls_version do. Keys may be PKCS#8 ({@code BEGIN PRIVATE KEY}),
 * PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) or SEC1 EC keys, read through BouncyCastle; like OpenSSL, a key that
 * does not belong to the certificate is refused when the context is built. Only TLS 1.2 and 1.3 are enabled
 * ({@code tls_version tlsv1.3} leaves TLS 1.3 alone). Without require_certificate no client certificate is
 * requested, as in mosquitto; with it, a client must present one signed by cafile or the handshake fails.
 *
 * <p>Cipher suites: only {@link #CIPHER_SUITES} - forward secret (ECDHE, or TLS 1.3) AEAD suites - and the server's
 * order wins over the client's ({@link #newServerHandler}), so a client that also offers weaker suites still gets a
 * strong one, and one that offers nothing else (CBC, RSA key exchange, RC4, 3DES, export, NULL) is refused.
 */
public final class TlsContextFactory {
    /** Allowed suites, most preferred first; those the JDK lacks are left out. */
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

    private TlsContextFactory() {
    }

    /** The server context of {@code listener}, or {@code null} when it has no TLS settings. */
    public static SslContext serverContext(ListenerConfig listener) {
        ListenerConfig.TlsConfig tls = listener.tls();
        if (tls == null) {
            return null;
        }
        String where = "listener " + listener.displayName();
        X509Certificate[] chain;
        PrivateKey key;
        try {
            chain = PemFiles.certificates(tls.certFile());
        } catch (IOException e) {
            throw new BrokerConfigException(where + ": cannot load certfile " + tls.certFile() + ": "
                    + e.getMessage(), e);
        }
        try {
            key = PemFiles.privateKey(tls.keyFile());
        } catch (IOException e) {
            throw new BrokerConfigException(where + ": cannot load keyfile " + tls.keyFile() + ": "
                    + e.getMessage(), e);
        }
        // OpenSSL (and so mosquitto) refuses a key that does not belong to the certificate at startup; the JDK
        // would only fail in the first handshake.
        if (!PemFiles.matches(key, chain[0].getPublicKey())) {
            throw new BrokerConfigException(where + ": keyfile " + tls.keyFile() + " does not match the "
                    + "certificate in certfile " + tls.certFile());
        }
        SslContextBuilder builder = SslContextBuilder.forServer(key, chain);
        if (tls.caFile() != null) {
            try {
                builder.trustManager(PemFiles.certificates(tls.caFile()));
            } catch (IOException e) {
                throw new BrokerConfigException(where + ": cannot load cafile " + tls.caFile() + ": "
                        + e.getMessage(), e);
            }
        }
        builder.sslProvider(SslProvider.JDK)
                .ciphers(CIPHER_SUITES, SupportedCipherSuiteFilter.INSTANCE)
                .clientAuth(tls.requireCertificate() ? ClientAuth.REQUIRE : ClientAuth.NONE)
                .protocols("TLSv1.3".equals(tls.minTlsVersion())
                        ? new String[] {"TLSv1.3"}
                        : new String[] {"TLSv1.3", "TLSv1.2"});
        try {
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new BrokerConfigException(where + ": cannot create TLS context from certfile " + tls.certFile()
                    + ", keyfile " + tls.keyFile() + (tls.caFile() == null ? "" : ", cafile " + tls.caFile())
                    + ": " + rootMessage(e), e);
        }
    }

    /**
     * The TLS handler of one accepted connection, choosing the cipher suite by the server's preference order
     * rather than the client's.
     */
    public static SslHandler newServerHandler(SslContext context, ByteBufAllocator allocator) {
        SslHandler handler = context.newHandler(allocator);
        SSLEngine engine = handler.engine();
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setUseCipherSuitesOrder(true);
        engine.setSSLParameters(parameters);
        return handler;
    }

    private static String rootMessage(Throwable e) {
        StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !out.toString().contains(cause.getMessage())) {
                out.append(" (").append(cause.getMessage()).append(')');
            }
        }
        return out.toString();
    }
}
