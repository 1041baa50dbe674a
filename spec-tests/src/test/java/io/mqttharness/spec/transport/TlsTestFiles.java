package io.mqttharness.spec.transport;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * PEM files for TLS tests, generated with BouncyCastle: a CA, a server certificate for {@code localhost} /
 * {@code 127.0.0.1} and a client certificate, all signed by the CA, with PKCS#8 keys; plus an unrelated CA that
 * trusts nothing here.
 */
record TlsTestFiles(Path caCert, Path serverCert, Path serverKey, Path clientCert, Path clientKey, Path otherCaCert) {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    static TlsTestFiles create(Path dir) {
        try {
            KeyPair caKeys = rsa();
            X500Principal caName = new X500Principal("CN=spec-tests CA");
            X509Certificate ca = sign(caName, caKeys.getPublic(), caName, caKeys, true, null);
            KeyPair serverKeys = rsa();
            X509Certificate server = sign(new X500Principal("CN=localhost"), serverKeys.getPublic(), caName, caKeys,
                    false, new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            KeyPair clientKeys = rsa();
            X509Certificate client = sign(new X500Principal("CN=spec-tests-client"), clientKeys.getPublic(), caName,
                    caKeys, false, null);
            KeyPair otherKeys = rsa();
            X500Principal otherName = new X500Principal("CN=unrelated CA");
            X509Certificate other = sign(otherName, otherKeys.getPublic(), otherName, otherKeys, true, null);
            TlsTestFiles files = new TlsTestFiles(dir.resolve("ca.pem"), dir.resolve("server.pem"),
                    dir.resolve("server.key"), dir.resolve("client.pem"), dir.resolve("client.key"),
                    dir.resolve("other-ca.pem"));
            write(files.caCert, ca);
            write(files.serverCert, server);
            write(files.serverKey, new JcaPKCS8Generator(serverKeys.getPrivate(), null));
            write(files.clientCert, client);
            write(files.clientKey, new JcaPKCS8Generator(clientKeys.getPrivate(), null));
            write(files.otherCaCert, other);
            return files;
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create test certificates in " + dir + ": " + e, e);
        }
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X500Principal subject, PublicKey key, X500Principal issuer, KeyPair issuerKeys,
            boolean ca, GeneralNames altNames) throws IOException, GeneralSecurityException, OperatorCreationException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(2))), subject, key);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (altNames != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, altNames);
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }

    private static void write(Path file, Object pem) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII); JcaPEMWriter out = new JcaPEMWriter(w)) {
            out.writeObject(pem);
        }
    }
}
