package io.mqttharness.broker.testsupport;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI for TLS tests, generated with BouncyCastle (no openssl binary needed): a CA, a server
 * certificate for {@code localhost} and {@code 127.0.0.1}, and a client certificate. Files, all PEM unless
 * noted:
 * <ul>
 *   <li>{@code ca.pem} (and {@code ca.key}) — the CA; use as mosquitto's {@code cafile}</li>
 *   <li>{@code server.pem}, {@code server.key} (PKCS#8, {@code BEGIN PRIVATE KEY}) and
 *       {@code server-pkcs1.key} (the same key as {@code BEGIN RSA PRIVATE KEY}, like {@code openssl genrsa})</li>
 *   <li>{@code client.pem}, {@code client.key} (PKCS#8) — subject CN = the client common name</li>
 *   <li>{@code client.p12} — PKCS12 key store with the client key and chain; {@code truststore.p12} — PKCS12
 *       trust store with the CA; both protected by {@link #STORE_PASSWORD}</li>
 * </ul>
 * Usage: {@code TestCertificates certs = TestCertificates.create(tempDir);} then e.g.
 * {@code certs.clientSslContext()} for a Java client or {@code certs.nettyClientContext(true)} for Netty.
 */
public record TestCertificates(Path directory, Path caCert, Path caKey, Path serverCert, Path serverKey,
        Path serverKeyPkcs1, Path clientCert, Path clientKey, Path clientKeyStore, Path trustStore,
        String clientCommonName) {

    public static final String STORE_PASSWORD = "changeit";
    public static final String DEFAULT_CLIENT_CN = "test-client";

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** Generates everything into {@code dir} with client CN {@value #DEFAULT_CLIENT_CN}. */
    public static TestCertificates create(Path dir) {
        return create(dir, DEFAULT_CLIENT_CN);
    }

    /** Generates everything into {@code dir} (created if missing) with the given client certificate CN. */
    public static TestCertificates create(Path dir, String clientCommonName) {
        try {
            Files.createDirectories(dir);
            KeyPair caKeys = rsa();
            X500Principal caName = new X500Principal("CN=mqtt-harness test CA,O=mqtt-harness");
            X509Certificate ca = sign(caName, caKeys.getPublic(), caName, caKeys, null, true, null);

            KeyPair serverKeys = rsa();
            GeneralNames serverNames = new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")});
            X509Certificate server = sign(new X500Principal("CN=localhost,O=mqtt-harness"), serverKeys.getPublic(),
                    caName, caKeys, ca, false, serverNames);

            KeyPair clientKeys = rsa();
            X509Certificate client = sign(new X500Principal("CN=" + clientCommonName + ",O=mqtt-harness"),
                    clientKeys.getPublic(), caName, caKeys, ca, false, null);

            TestCertificates certs = new TestCertificates(dir, dir.resolve("ca.pem"), dir.resolve("ca.key"),
                    dir.resolve("server.pem"), dir.resolve("server.key"), dir.resolve("server-pkcs1.key"),
                    dir.resolve("client.pem"), dir.resolve("client.key"), dir.resolve("client.p12"),
                    dir.resolve("truststore.p12"), clientCommonName);
            writePem(certs.caCert, ca);
            writePkcs8(certs.caKey, caKeys.getPrivate());
            writePem(certs.serverCert, server);
            writePkcs8(certs.serverKey, serverKeys.getPrivate());
            writePem(certs.serverKeyPkcs1, new JcaMiscPEMGenerator(serverKeys.getPrivate()));
            writePem(certs.clientCert, client);
            writePkcs8(certs.clientKey, clientKeys.getPrivate());

            KeyStore clientStore = KeyStore.getInstance("PKCS12");
            clientStore.load(null, null);
            clientStore.setKeyEntry("client", clientKeys.getPrivate(), STORE_PASSWORD.toCharArray(),
                    new Certificate[] {client, ca});
            store(clientStore, certs.clientKeyStore);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            store(trust, certs.trustStore);
            return certs;
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create test certificates in " + dir + ": " + e, e);
        }
    }

    /** A JSSE client context that trusts the CA and presents the client certificate. */
    public SSLContext clientSslContext() {
        return jsseContext(true);
    }

    /** A JSSE client context that trusts the CA and has no client certificate. */
    public SSLContext trustOnlySslContext() {
        return jsseContext(false);
    }

    /** A Netty client context trusting the CA, with the client certificate when {@code withClientCertificate}. */
    public SslContext nettyClientContext(boolean withClientCertificate) {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                    .trustManager(caCert.toFile());
            if (withClientCertificate) {
                builder.keyManager(clientCert.toFile(), clientKey.toFile());
            }
            return builder.build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public KeyStore loadClientKeyStore() {
        return load(clientKeyStore);
    }

    public KeyStore loadTrustStore() {
        return load(trustStore);
    }

    private SSLContext jsseContext(boolean withClientCertificate) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(loadTrustStore());
            KeyManagerFactory kmf = null;
            if (withClientCertificate) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(loadClientKeyStore(), STORE_PASSWORD.toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(Path file) {
        try (var in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, STORE_PASSWORD.toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load " + file + ": " + e, e);
        }
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X500Principal subject, java.security.PublicKey subjectKey,
            X500Principal issuer, KeyPair issuerKeys, X509Certificate issuerCert, boolean isCa,
            GeneralNames subjectAltNames) throws GeneralSecurityException, IOException, OperatorCreationException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(30))), subject, subjectKey);
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
        builder.addExtension(Extension.authorityKeyIdentifier, false, issuerCert == null
                ? utils.createAuthorityKeyIdentifier(issuerKeys.getPublic())
                : utils.createAuthorityKeyIdentifier(issuerCert));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (isCa) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(subjectAltNames != null
                    ? KeyPurposeId.id_kp_serverAuth
                    : KeyPurposeId.id_kp_clientAuth));
        }
        if (subjectAltNames != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames);
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }

    private static void writePkcs8(Path file, PrivateKey key) throws IOException {
        writePem(file, new JcaPKCS8Generator(key, null));
    }

    private static void writePem(Path file, Object object) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
                JcaPEMWriter pem = new JcaPEMWriter(writer)) {
            pem.writeObject(object);
        }
    }

    private static void store(KeyStore keyStore, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            keyStore.store(out, STORE_PASSWORD.toCharArray());
        }
    }
}
