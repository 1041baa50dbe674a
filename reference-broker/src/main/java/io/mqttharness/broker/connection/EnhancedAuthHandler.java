package io.mqttharness.broker.connection;

import io.mqttharness.broker.security.AuthStep;
import io.mqttharness.broker.security.BrokerSecurity;
import io.mqttharness.broker.security.EnhancedAuthMethod;
import io.mqttharness.broker.security.EnhancedAuthSession;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.packet.MqttAuth;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.reason.MqttAuthReasonCode;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;

/**
 * MQTT 5 enhanced authentication (section 4.12): the CONNECT's Authentication Method picks a method (unknown:
 * CONNACK 0x8C), AUTH packets with reason 0x18 carry the exchange, CONNACK ends it. Once connected, the client
 * may re-authenticate with AUTH 0x19 using the same method (section 4.12.1); success is answered with AUTH 0x00,
 * failure with DISCONNECT 0x87.
 */
final class EnhancedAuthHandler {
    private final BrokerSecurity security;
    private final OutboundPacketWriter writer;
    private final ConnectionCloser closer;
    private final ConnectCompleter completer;

    EnhancedAuthHandler(BrokerSecurity security, OutboundPacketWriter writer, ConnectionCloser closer,
            ConnectCompleter completer) {
        this.security = security;
        this.writer = writer;
        this.closer = closer;
        this.completer = completer;
    }

    /** Starts the exchange for a CONNECT that carries an Authentication Method. */
    void begin(MqttConnection connection, MqttConnect connect) {
        String methodName = connect.properties().authenticationMethod();
        EnhancedAuthMethod method = security.enhancedAuthMethod(methodName);
        if (method == null) {
            closer.refuse(connection, MqttConnectReasonCode.BAD_AUTHENTICATION_METHOD,
                    "authentication method '" + methodName + "' is not supported");
            return;
        }
        connection.authenticationMethod(methodName);
        connection.pendingConnect(connect);
        connection.authSession(method.newSession(connection.clientId()));
        step(connection, connect.properties().authenticationData());
    }

    void onAuth(MqttConnection connection, MqttAuth auth) {
        String method = auth.properties().authenticationMethod();
        if (connection.authenticationMethod() == null || !connection.authenticationMethod().equals(method)) {
            closer.disconnect(connection, MqttDisconnectReasonCode.PROTOCOL_ERROR,
                    "AUTH must carry the Authentication Method of the CONNECT [MQTT-4.12.0-5]");
            return;
        }
        MqttAuthReasonCode reason = auth.reasonCode();
        if (connection.state() == ConnectionState.AUTHENTICATING || connection.isReauthenticating()) {
            if (reason != MqttAuthReasonCode.CONTINUE_AUTHENTICATION) {
                closer.disconnect(connection, MqttDisconnectReasonCode.PROTOCOL_ERROR,
                        "expected AUTH with reason 0x18 Continue authentication");
                return;
            }
        } else if (reason == MqttAuthReasonCode.RE_AUTHENTICATE) {
            EnhancedAuthMethod m = security.enhancedAuthMethod(method);
            connection.authSession(m.newSession(connection.clientId()));
            connection.reauthenticating(true);
        } else {
            closer.disconnect(connection, MqttDisconnectReasonCode.PROTOCOL_ERROR,
                    "AUTH outside an authentication exchange must have reason 0x19 Re-authenticate");
            return;
        }
        step(connection, auth.properties().authenticationData());
    }

    private void step(MqttConnection connection, byte[] clientData) {
        EnhancedAuthSession session = connection.authSession();
        AuthStep result = session.step(clientData);
        MqttProperties props = MqttProperties.builder()
                .authenticationMethod(connection.authenticationMethod())
                .authenticationData(result.serverData())
                .build();
        boolean connecting = connection.state() != ConnectionState.CONNECTED;
        switch (result.outcome()) {
            case CONTINUE -> {
                if (connecting) {
                    connection.moveTo(ConnectionState.AUTHENTICATING);
                }
                writer.writeAndFlush(connection, new MqttAuth(MqttAuthReasonCode.CONTINUE_AUTHENTICATION, props));
            }
            case SUCCESS -> {
                connection.authSession(null);
                if (connecting) {
                    MqttConnect connect = connection.pendingConnect();
                    connection.pendingConnect(null);
                    completer.complete(connection, connect, session.authenticatedUsername(), props);
                } else {
                    connection.reauthenticating(false);
                    connection.username(session.authenticatedUsername());
                    writer.writeAndFlush(connection, new MqttAuth(MqttAuthReasonCode.SUCCESS, props));
                }
            }
            case FAILURE -> closer.disconnectAfter(connection, MqttDisconnectReasonCode.NOT_AUTHORIZED,
                    "authentication failed", security.loginThrottle().failed(ConnectHandler.remoteAddress(connection),
                            connection.pendingConnect() != null ? connection.pendingConnect().username()
                                    : connection.username()));
        }
    }
}
