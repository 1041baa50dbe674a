package io.mqttharness.broker.security;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The identity mosquitto's {@code use_identity_as_username} takes from a client certificate: the CN of its
 * subject. Only meaningful for a session whose peer certificate was verified (require_certificate).
 */
public final class TlsIdentity {

    private TlsIdentity() {
    }

    /** The CN of the verified client certificate of {@code session}, or {@code null} when there is none. */
    public static String commonName(SSLSession session) {
        if (session == null) {
            return null;
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x509 ? commonName(x509) : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /** The (last, most specific) CN of the subject of {@code certificate}, or {@code null} without one. */
    public static String commonName(X509Certificate certificate) {
        try {
            String cn = null;
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cn = rdn.getValue().toString();
                }
            }
            return cn;
        } catch (InvalidNameException e) {
            return null;
        }
    }
}
