package io.mqttharness.load.client;

import io.gatling.core.session.Session;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.load.protocol.MqttComponents;
import io.mqttharness.load.protocol.MqttProtocol;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.util.concurrent.Promise;

/** Opens a {@link MqttClientConnection}: TCP connect, transport handshakes, CONNECT, then waits for CONNACK. */
public final class ClientConnector {
    private ClientConnector() {
    }

    /**
     * Opens a connection (TCP, then TLS / WebSocket handshakes as the protocol's transport says) on the user's
     * event loop and sends CONNECT; {@code listener} gets the CONNACK (whatever its reason code) or a failure,
     * after which the channel is already closed. Must be called on {@code session.eventLoop()}. The host name is
     * resolved by Netty's default (JDK) resolver.
     *
     * @param cleanStart the Clean Start flag, or {@code null} for the protocol's
     * @param sessionExpirySeconds MQTT 5 Session Expiry Interval, or {@code null} for the protocol's
     */
    public static MqttClientConnection open(MqttComponents components, Session session, String clientId,
            Boolean cleanStart, Long sessionExpirySeconds, AckListener listener) {
        MqttProtocol protocol = components.protocol();
        MqttClientConnection connection = new MqttClientConnection(protocol, session.eventLoop(), clientId);
        Promise<Void> ready = session.eventLoop().newPromise();
        Bootstrap bootstrap = new Bootstrap()
                .group(session.eventLoop())
                .channelFactory(components.channelFactory())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) protocol.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ClientPipeline(protocol, components.sslContext(),
                        () -> new MqttClientHandler(connection), ready));
        // the failure callback may run inside connect() (e.g. an unresolvable host), before this method returns
        AckListener closing = new AckListener() {
            @Override
            public void onAck(MqttPacket packet) {
                listener.onAck(packet);
            }

            @Override
            public void onFailure(String message) {
                connection.close();
                listener.onFailure(message);
            }
        };
        ChannelFuture connect = bootstrap.connect(protocol.host(), protocol.port());
        connection.channel(connect.channel());
        connect.addListener(future -> {
            if (!future.isSuccess()) {
                closing.onFailure("TCP connect to " + protocol.host() + ":" + protocol.port() + " failed: "
                        + future.cause().getMessage());
                return;
            }
            ready.addListener(handshake -> {
                if (!handshake.isSuccess()) {
                    closing.onFailure(handshake.cause().getMessage());
                    return;
                }
                connection.awaitConnAck(closing);
                connection.send(connectPacket(protocol, clientId,
                        cleanStart == null ? protocol.cleanStart() : cleanStart,
                        sessionExpirySeconds != null ? sessionExpirySeconds : protocol.sessionExpirySeconds()));
            });
        });
        return connection;
    }

    private static MqttConnect connectPacket(MqttProtocol protocol, String clientId, boolean cleanStart,
            Long sessionExpirySeconds) {
        MqttProperties properties = MqttProperties.EMPTY;
        if (protocol.version().isV5() && sessionExpirySeconds != null) {
            properties = MqttProperties.builder().sessionExpiryInterval(sessionExpirySeconds).build();
        }
        return new MqttConnect(protocol.version(), cleanStart, protocol.keepAliveSeconds(), clientId,
                properties, null, protocol.username(), protocol.password());
    }
}
