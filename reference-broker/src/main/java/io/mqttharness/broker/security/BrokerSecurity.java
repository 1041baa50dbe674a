package io.mqttharness.broker.security;

import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.ListenerConfig;
import io.netty.handler.ssl.SslContext;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authentication and authorisation of one broker, loaded once from its {@link BrokerConfig}: the password
 * file, the ACL file, the SCRAM credentials and the TLS contexts of its listeners. Thread-safe.
 *
 * <p>Connect rules, as mosquitto 2.0 applies them (checked against mosquitto 2.0.11):
 * <ul>
 *   <li>On a listener with use_identity_as_username the verified certificate's CN is the user name and the
 *       password file is not consulted; without a certificate the client is not authorised.</li>
 *   <li>No user name: allowed only with allow_anonymous.</li>
 *   <li>A user name but no password_file: treated like an anonymous client (allowed only with
 *       allow_anonymous).</li>
 *   <li>A user name with a password_file: the password must verify. mosquitto answers "not authorised" here
 *       too; this broker answers Bad User Name or Password (3.1.1 code 4, 5.0 reason 0x86), the code the
 *       specifications define for wrong credentials.</li>
 * </ul>
 * Without an acl_file every topic is allowed; with one, {@link AclFile} decides. Failed password checks are
 * answered late, later with each failure ({@link LoginThrottle}).
 */
public final class BrokerSecurity {

    private final BrokerConfig config;
    private final PasswordFile passwords;
    private final AclFile acl;
    private final Map<String, EnhancedAuthMethod> authMethods;
    private final Map<ListenerConfig, SslContext> sslContexts = new ConcurrentHashMap<>();
    private final LoginThrottle loginThrottle;

    private BrokerSecurity(BrokerConfig config, PasswordFile passwords, AclFile acl,
            Map<String, EnhancedAuthMethod> authMethods) {
        this.config = config;
        this.passwords = passwords;
        this.acl = acl;
        this.authMethods = authMethods;
        this.loginThrottle = new LoginThrottle(config.failedLoginDelayMillis(), config.failedLoginDelayMaxMillis());
    }

    /**
     * Whether every user name a connection can have was verified: a password file checks every plain CONNECT's
     * user name, and listeners with use_identity_as_username take it from a verified certificate. Without that, a
     * user name is only a claim (such clients count as anonymous), and client identifiers cannot belong to users.
     */
    public boolean userNamesAreVerified() {
        return passwords != null || config.listeners().stream()
                .allMatch(l -> l.tls() != null && l.tls().useIdentityAsUsername());
    }

    /** The growing delay before refusing failed logins ({@code failed_login_delay_ms}). */
    public LoginThrottle loginThrottle() {
        return loginThrottle;
    }

    /**
     * Loads every file the config names and builds the TLS context of every TLS listener, so that all
     * configuration errors surface at startup.
     *
     * @throws io.mqttharness.broker.config.BrokerConfigException for unreadable or malformed files
     */
    public static BrokerSecurity from(BrokerConfig config) {
        Objects.requireNonNull(config, "config");
        PasswordFile passwords = config.passwordFile() == null ? null : PasswordFile.load(config.passwordFile());
        AclFile acl = config.aclFile() == null ? null : AclFile.load(config.aclFile());
        Map<String, EnhancedAuthMethod> methods = config.scramPasswordFile() == null
                ? Map.of()
                : Map.of(ScramSha256AuthMethod.NAME,
                        new ScramSha256AuthMethod(ScramCredentials.loadFile(config.scramPasswordFile())));
        BrokerSecurity security = new BrokerSecurity(config, passwords, acl, methods);
        for (ListenerConfig listener : config.listeners()) {
            security.sslContext(listener);
        }
        return security;
    }

    /**
     * Decides a CONNECT without enhanced authentication.
     *
     * @param certificateIdentity CN of the verified client certificate, or {@code null}
     * @param listenerUsesIdentityAsUsername the listener's use_identity_as_username
     */
    public ConnectDecision checkConnect(String clientId, String username, byte[] password,
            String certificateIdentity, boolean listenerUsesIdentityAsUsername) {
        if (listenerUsesIdentityAsUsername) {
            return certificateIdentity != null ? ConnectDecision.ACCEPTED : ConnectDecision.NOT_AUTHORIZED;
        }
        if (username == null || passwords == null) {
            return config.allowAnonymous() ? ConnectDecision.ACCEPTED : ConnectDecision.NOT_AUTHORIZED;
        }
        if (password == null) {
            return ConnectDecision.BAD_USERNAME_OR_PASSWORD;
        }
        return passwords.verify(username, password) ? ConnectDecision.ACCEPTED
                : ConnectDecision.BAD_USERNAME_OR_PASSWORD;
    }

    /** Whether the client may publish to the topic name {@code topic} (ACL write access). */
    public boolean canPublish(String clientId, String username, String topic) {
        return acl == null || acl.canPublish(clientId, username, topic);
    }

    /** Whether the client may subscribe to {@code topicFilter} (ACL read access covering the filter). */
    public boolean canSubscribe(String clientId, String username, String topicFilter) {
        return acl == null || acl.canSubscribe(clientId, username, topicFilter);
    }

    /** Whether a message on {@code topic} may be delivered to the client (ACL read access). */
    public boolean canReceive(String clientId, String username, String topic) {
        return acl == null || acl.canReceive(clientId, username, topic);
    }

    /** The enhanced authentication method of that name, or {@code null} when it is not offered. */
    public EnhancedAuthMethod enhancedAuthMethod(String methodName) {
        return methodName == null ? null : authMethods.get(methodName);
    }

    /** The server TLS context of {@code listener}; {@code null} for plain listeners. Built once, then cached. */
    public SslContext sslContext(ListenerConfig listener) {
        if (listener.tls() == null) {
            return null;
        }
        return sslContexts.computeIfAbsent(listener, TlsContextFactory::serverContext);
    }
}
