package io.mqttharness.broker.connection;

import io.mqttharness.broker.config.ListenerConfig;
import io.mqttharness.codec.MqttDecodeException;
import io.mqttharness.codec.packet.MqttAuth;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttPingReq;
import io.mqttharness.codec.packet.MqttPingResp;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.packet.MqttSubscribe;
import io.mqttharness.codec.packet.MqttUnsubscribe;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a connection's pipeline: dispatches each decoded packet to its handler according to the
 * {@link ConnectionState}, and turns channel events (close, idle, writability, errors) into life cycle calls.
 * It decides nothing about the protocol itself.
 */
public final class MqttConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(MqttConnectionHandler.class);
    private final PacketHandlers handlers;
    private final ListenerConfig listener;
    private MqttConnection connection;

    public MqttConnectionHandler(PacketHandlers handlers, ListenerConfig listener) {
        this.handlers = handlers;
        this.listener = listener;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        connection = new MqttConnection(ctx.channel(), listener);
        MqttConnection c = connection;
        c.flusher(() -> {
            try {
                handlers.outbound().flush(c);
            } catch (RuntimeException | Error e) {
                // a task on the event loop has no exceptionCaught: end the connection visibly instead of stalling
                LOG.warn("{}: delivery failed, closing the connection", c, e);
                handlers.closer().disconnect(c, MqttDisconnectReasonCode.UNSPECIFIED_ERROR, "internal error");
            }
        });
        c.takeOverHandler(handlers.lifecycle()::takeOver);
        handlers.context().connections().add(c);
        c.connectTimeout(ctx.executor().schedule(() -> {
            if (c.state() == ConnectionState.AWAITING_CONNECT) {
                handlers.closer().close(c, "no CONNECT within " + handlers.context().connectTimeoutMillis() + " ms");
            }
        }, handlers.context().connectTimeoutMillis(), TimeUnit.MILLISECONDS));
        ctx.fireChannelActive();
    }

    /** The connection of this channel, or null before the channel became active. */
    public MqttConnection connection() {
        return connection;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof MqttPacket packet)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        handlers.context().stats().packetReceived();
        if (!connection.state().acceptsPackets()) {
            return;
        }
        switch (connection.state()) {
            case AWAITING_CONNECT -> awaitingConnect(packet);
            case AUTHENTICATING -> authenticating(packet);
            case CONNECTED -> connected(packet);
            default -> { }
        }
    }

    private void awaitingConnect(MqttPacket packet) {
        if (packet instanceof MqttConnect connect) {
            handlers.connect().onConnect(connection, connect);
        } else {
            handlers.closer().close(connection, "first packet was " + packet.type() + ", not CONNECT [MQTT-3.1.0-1]");
        }
    }

    private void authenticating(MqttPacket packet) {
        if (packet instanceof MqttAuth auth) {
            handlers.enhancedAuth().onAuth(connection, auth);
        } else if (packet instanceof MqttDisconnect) {
            handlers.closer().close(connection, "DISCONNECT during authentication");
        } else {
            handlers.closer().refuse(connection, MqttConnectReasonCode.PROTOCOL_ERROR,
                    packet.type() + " before authentication completed");
        }
    }

    private void connected(MqttPacket packet) {
        if (packet instanceof MqttPublish p) {
            handlers.inbound().onPublish(connection, p);
        } else if (packet instanceof MqttPubAck p) {
            handlers.outbound().onPubAck(connection, p);
        } else if (packet instanceof MqttPubRec p) {
            handlers.outbound().onPubRec(connection, p);
        } else if (packet instanceof MqttPubRel p) {
            handlers.inbound().onPubRel(connection, p);
        } else if (packet instanceof MqttPubComp p) {
            handlers.outbound().onPubComp(connection, p);
        } else if (packet instanceof MqttSubscribe p) {
            handlers.subscribe().onSubscribe(connection, p);
        } else if (packet instanceof MqttUnsubscribe p) {
            handlers.unsubscribe().onUnsubscribe(connection, p);
        } else if (packet instanceof MqttPingReq) {
            handlers.writer().writeAndFlush(connection, MqttPingResp.INSTANCE);
        } else if (packet instanceof MqttDisconnect p) {
            handlers.lifecycle().onDisconnect(connection, p);
        } else if (packet instanceof MqttAuth p && connection.isV5()) {
            handlers.enhancedAuth().onAuth(connection, p);
        } else if (packet instanceof MqttConnect) {
            handlers.closer().disconnect(connection, MqttDisconnectReasonCode.PROTOCOL_ERROR,
                    "second CONNECT [MQTT-3.1.0-2]");
        } else {
            handlers.closer().disconnect(connection, MqttDisconnectReasonCode.PROTOCOL_ERROR,
                    packet.type() + " must not be sent by a client");
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
            handlers.lifecycle().onKeepAliveTimeout(connection);
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            handlers.outbound().flush(connection);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (connection == null) {
            ctx.close();
            return;
        }
        if (cause instanceof MqttDecodeException e) {
            handlers.lifecycle().onDecodeError(connection, e);
            return;
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof MqttDecodeException e) {
            handlers.lifecycle().onDecodeError(connection, e);
            return;
        }
        if (root instanceof java.io.IOException) {
            LOG.debug("{}: network error: {}", connection, root.toString());
            handlers.closer().close(connection, root.toString());
        } else {
            LOG.warn("{}: unexpected error, closing the connection", connection, cause);
            handlers.closer().disconnect(connection, MqttDisconnectReasonCode.UNSPECIFIED_ERROR, "internal error");
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (connection != null) {
            handlers.lifecycle().onClosed(connection);
        }
        ctx.fireChannelInactive();
    }
}
