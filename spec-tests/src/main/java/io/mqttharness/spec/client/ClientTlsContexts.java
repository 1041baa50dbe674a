package io.mqttharness.spec.client;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;

/** Builds (and caches per {@link TlsOptions}) the client-side Netty {@link SslContext} of TLS targets. */
final class ClientTlsContexts {
    private static final Map<TlsOptions, SslContext> CACHE = new ConcurrentHashMap<>();

    private ClientTlsContexts() {
    }

    /**
     * The context for these options.
     *
     * @throws BrokerUnreachableException when a PEM file cannot be read or parsed (the message names it)
     */
    static SslContext of(TlsOptions options) {
        SslContext cached = CACHE.get(options);
        if (cached != null) {
            return cached;
        }
        SslContext built = build(options);
        CACHE.putIfAbsent(options, built);
        return built;
    }

    private static SslContext build(TlsOptions o) {
        SslContextBuilder builder = SslContextBuilder.forClient().protocols("TLSv1.3", "TLSv1.2");
        try {
            if (o.insecure()) {
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
            } else if (o.caFile() != null) {
                requireReadable(o.caFile(), "CA file");
                builder.trustManager(o.caFile().toFile());
            }
            if (o.clientCertFile() != null) {
                requireReadable(o.clientCertFile(), "client certificate");
                requireReadable(o.clientKeyFile(), "client key");
                builder.keyManager(o.clientCertFile().toFile(), o.clientKeyFile().toFile());
            }
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new BrokerUnreachableException("invalid TLS settings " + o + ": " + e.getMessage(), e);
        }
    }

    private static void requireReadable(java.nio.file.Path file, String what) {
        if (!Files.isReadable(file)) {
            throw new BrokerUnreachableException("cannot read the TLS " + what + " " + file,
                    new IOException(file + " is not readable"));
        }
    }
}
