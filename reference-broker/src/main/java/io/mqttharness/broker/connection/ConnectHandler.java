package io.mqttharness.broker.connection;

import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.delivery.PublishOutboundFlow;
import io.mqttharness.broker.security.ConnectDecision;
import io.mqttharness.broker.security.TlsIdentity;
import io.mqttharness.broker.server.BrokerContext;
import io.mqttharness.broker.server.MqttPipelineNames;
import io.mqttharness.broker.session.Session;
import io.mqttharness.broker.session.SessionStore;
import io.mqttharness.codec.MqttPacketEncoder;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttWill;
import io.mqttharness.codec.netty.MqttEncoder;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.util.UUID;

/**
 * CONNECT (sections 3.1 and 3.2): validates it, authenticates, opens or resumes the session, takes over an
 * existing connection with the same client identifier (MQTT-3.1.4-3 in 5.0, MQTT-3.1.4-2 in 3.1.1) and answers CONNACK,
 * followed by the retransmissions of a resumed session (MQTT-4.4.0-1). When user names are verified (a password file,
 * or certificates only), a client identifier whose session belongs to another user is refused with Not authorized
 * (5.0 reason 0x87, 3.1.1 return code 5) and the existing session is left alone; a failed password check is refused
 * after the {@code LoginThrottle}'s delay.
 */
public final class ConnectHandler {
    private final BrokerContext context;
    private final BrokerConfig config;
    private final OutboundPacketWriter writer;
    private final ConnectionCloser closer;
    private final PublishOutboundFlow outbound;
    private final ConnAckFactory connAcks;
    private final EnhancedAuthHandler enhancedAuth;

    public ConnectHandler(BrokerContext context, OutboundPacketWriter writer, ConnectionCloser closer,
            PublishOutboundFlow outbound) {
        this.context = context;
        this.config = context.config();
        this.writer = writer;
        this.closer = closer;
        this.outbound = outbound;
        this.connAcks = new ConnAckFactory(config);
        this.enhancedAuth = new EnhancedAuthHandler(context.security(), writer, closer, this::complete);
    }

    EnhancedAuthHandler enhancedAuth() {
        return enhancedAuth;
    }

    public void onConnect(MqttConnection connection, MqttConnect connect) {
        connection.cancelConnectTimeout();
        connection.version(connect.version());
        MqttEncoder encoder = connection.channel().pipeline().get(MqttEncoder.class);
        encoder.version(connect.version());
        boolean v5 = connect.version().isV5();
        MqttProperties props = connect.properties();
        if (v5) {
            connection.clientReceiveMaximum(props.receiveMaximum() == null ? 65_535 : props.receiveMaximum());
            connection.clientMaximumPacketSize(props.maximumPacketSize() == null ? 0 : props.maximumPacketSize());
            connection.requestProblemInformation(props.requestProblemInformation() == null
                    || props.requestProblemInformation() != 0);
        }
        String clientId = connect.clientId();
        if (clientId.isEmpty()) {
            if (!v5 && !connect.cleanStart()) {
                closer.refuse(connection, MqttConnectReasonCode.CLIENT_IDENTIFIER_NOT_VALID,
                        "an empty client identifier requires CleanSession=1 [MQTT-3.1.3-8]");
                return;
            }
            clientId = "auto-" + UUID.randomUUID();
        }
        connection.clientId(clientId);
        if (!checkLimits(connection, connect)) {
            return;
        }
        if (v5 && props.authenticationMethod() != null) {
            enhancedAuth.begin(connection, connect);
            return;
        }
        String certificateIdentity = certificateIdentity(connection);
        boolean identityAsUsername = connection.listener().tls() != null
                && connection.listener().tls().useIdentityAsUsername();
        ConnectDecision decision = context.security().checkConnect(clientId, connect.username(),
                connect.password(), certificateIdentity, identityAsUsername);
        switch (decision) {
            case BAD_USERNAME_OR_PASSWORD -> closer.refuseAfter(connection,
                    MqttConnectReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad user name or password",
                    context.security().loginThrottle().failed(remoteAddress(connection), connect.username()));
            case NOT_AUTHORIZED -> closer.refuse(connection, MqttConnectReasonCode.NOT_AUTHORIZED,
                    "not authorized");
            case ACCEPTED -> complete(connection, connect,
                    identityAsUsername ? certificateIdentity : connect.username(), MqttProperties.EMPTY);
        }
    }

    /** Limits that refuse the CONNECT before authentication; false when the connection was refused. */
    private boolean checkLimits(MqttConnection connection, MqttConnect connect) {
        boolean v5 = connection.isV5();
        int maxConnections = config.maxConnections();
        if (maxConnections >= 0 && context.stats().connectedClients() >= maxConnections) {
            Session existing = context.sessions().get(connection.clientId());
            if (existing == null || !existing.isOnline()) {
                closer.refuse(connection, v5 ? MqttConnectReasonCode.SERVER_BUSY
                        : MqttConnectReasonCode.SERVER_UNAVAILABLE, "too many connections");
                return false;
            }
        }
        if (!v5 && config.maxKeepAlive() > 0 && connect.keepAliveSeconds() > config.maxKeepAlive()) {
            // MQTT 3.1.1 cannot announce a Server Keep Alive; refuse as mosquitto does
            closer.refuse(connection, MqttConnectReasonCode.CLIENT_IDENTIFIER_NOT_VALID,
                    "keep alive above max_keepalive " + config.maxKeepAlive());
            return false;
        }
        MqttWill will = connect.will();
        if (v5 && will != null) {
            if (will.qos().code() > config.maxQos()) {
                closer.refuse(connection, MqttConnectReasonCode.QOS_NOT_SUPPORTED,
                        "Will QoS above Maximum QoS [MQTT-3.2.2-12]");
                return false;
            }
            if (will.retain() && !config.retainAvailable()) {
                closer.refuse(connection, MqttConnectReasonCode.RETAIN_NOT_SUPPORTED,
                        "Will Retain while retain is not available [MQTT-3.2.2-13]");
                return false;
            }
        }
        return true;
    }

    /** Authentication succeeded: open the session and answer CONNACK. */
    private void complete(MqttConnection connection, MqttConnect connect, String username,
            MqttProperties authProperties) {
        boolean v5 = connection.isV5();
        String clientId = connection.clientId();
        MqttWill will = connect.will();
        if (will != null && (will.topic().startsWith("$SYS")
                || !context.security().canPublish(clientId, username, will.topic()))) {
            closer.refuse(connection, MqttConnectReasonCode.NOT_AUTHORIZED, "not authorized to publish the will");
            return;
        }
        long requestedExpiry = v5
                ? (connect.properties().sessionExpiryInterval() == null ? 0 : connect.properties().sessionExpiryInterval())
                : (connect.cleanStart() ? 0 : Session.NEVER_EXPIRES);
        long grantedExpiry = requestedExpiry;
        if (config.maxSessionExpiry() >= 0 && grantedExpiry > config.maxSessionExpiry()) {
            grantedExpiry = config.maxSessionExpiry();
        }
        int keepAlive = connect.keepAliveSeconds();
        Integer serverKeepAlive = null;
        if (v5 && config.maxKeepAlive() > 0 && (keepAlive == 0 || keepAlive > config.maxKeepAlive())) {
            keepAlive = config.maxKeepAlive();
            serverKeepAlive = keepAlive;
        }

        String responseInformation = v5 && Integer.valueOf(1).equals(connect.properties().requestResponseInformation())
                ? "response/" + clientId : null;
        String assignedClientId = connect.clientId().isEmpty() ? clientId : null;
        Long announcedExpiry = grantedExpiry != requestedExpiry ? grantedExpiry : null;
        // the size does not depend on Session Present: check before the session is touched
        MqttConnAck probe = connAcks.accepted(connection, false, assignedClientId, serverKeepAlive, announcedExpiry,
                responseInformation, authProperties);
        boolean compactConnAck = false;
        if (!writer.fits(connection, probe)) {
            if (!writer.fits(connection, ConnAckFactory.withoutDefaults(probe))) {
                // MQTT-3.1.2-24: not even the CONNACK may exceed the client's limit, so nothing can be answered
                closer.close(connection, "CONNACK of " + MqttPacketEncoder.encodedSize(probe, connection.version())
                        + " bytes exceeds the client's Maximum Packet Size " + connection.clientMaximumPacketSize()
                        + " [MQTT-3.1.2-24]");
                return;
            }
            compactConnAck = true;
        }

        SessionStore.OpenResult opened = context.security().userNamesAreVerified()
                ? context.sessions().openUnlessOwnedByOther(clientId, connect.cleanStart(), connection, username,
                        grantedExpiry)
                : context.sessions().open(clientId, connect.cleanStart(), connection, username, grantedExpiry);
        if (opened == null) {
            // taking over (or discarding) another user's session would let anyone who guesses a client identifier
            // kick that user off and read or drop its queued messages; mosquitto 2.0 allows it, we refuse
            closer.refuse(connection, MqttConnectReasonCode.NOT_AUTHORIZED,
                    "client identifier is in use by another user");
            return;
        }
        context.security().loginThrottle().succeeded(remoteAddress(connection), connect.username());
        Session session = opened.session();
        session.username(username);
        connection.session(session);
        connection.username(username);
        connection.will(will);
        connection.sessionExpirySeconds(grantedExpiry);
        connection.topicAliases(new TopicAliasRegistry(v5 ? config.topicAliasMaximum() : 0));
        Integer clientAliasMaximum = v5 ? connect.properties().topicAliasMaximum() : null;
        if (config.outboundTopicAliases() && clientAliasMaximum != null && clientAliasMaximum > 0) {
            connection.outboundTopicAliases(new OutboundTopicAliases(clientAliasMaximum));
        }
        connection.moveTo(ConnectionState.CONNECTED);
        context.stats().clientConnected();
        if (opened.previousOwner() != null && opened.previousOwner() != connection) {
            opened.previousOwner().takeOver(opened.present());
        }
        if (keepAlive > 0) {
            ChannelPipeline pipeline = connection.channel().pipeline();
            pipeline.addBefore(MqttPipelineNames.DECODER, MqttPipelineNames.KEEP_ALIVE, new KeepAliveHandler(keepAlive));
        }
        MqttConnAck connAck = connAcks.accepted(connection, opened.present(), assignedClientId, serverKeepAlive,
                announcedExpiry, responseInformation, authProperties);
        writer.write(connection, compactConnAck ? ConnAckFactory.withoutDefaults(connAck) : connAck);
        outbound.resume(connection);
    }

    /** The client's IP address, the throttle's key; the port differs with every attempt. */
    static String remoteAddress(MqttConnection connection) {
        return connection.channel().remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress() : String.valueOf(connection.channel().remoteAddress());
    }

    private static String certificateIdentity(MqttConnection connection) {
        SslHandler ssl = connection.channel().pipeline().get(SslHandler.class);
        return ssl == null ? null : TlsIdentity.commonName(ssl.engine().getSession());
    }
}
