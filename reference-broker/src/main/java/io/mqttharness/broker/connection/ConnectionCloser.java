package io.mqttharness.broker.connection;

import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.netty.channel.ChannelFutureListener;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends connections on the broker's initiative (MQTT 5.0 section 4.13): before CONNACK with a CONNACK carrying
 * the reason, after it with DISCONNECT carrying the reason (MQTT 5 only: MQTT 3.1.1 servers just close the
 * network connection, section 4.8 of 3.1.1). Either way the connection processes no further packets. The will
 * is left in place, so that it is published when the network connection closes (MQTT-3.1.2-8).
 */
public final class ConnectionCloser {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionCloser.class);
    private final OutboundPacketWriter writer;

    public ConnectionCloser(OutboundPacketWriter writer) {
        this.writer = writer;
    }

    /** Sends DISCONNECT (MQTT 5, after CONNACK) or a refusing CONNACK (before it), then closes. */
    public void disconnect(MqttConnection connection, MqttDisconnectReasonCode reason, String reasonString) {
        ConnectionState state = connection.state();
        if (!state.acceptsPackets()) {
            return;
        }
        if (state != ConnectionState.CONNECTED) {
            MqttConnectReasonCode code = MqttConnectReasonCode.fromCode(reason.code());
            refuse(connection, code == null ? MqttConnectReasonCode.UNSPECIFIED_ERROR : code, reasonString);
            return;
        }
        LOG.debug("{}: disconnecting with {} ({})", connection, reason, reasonString);
        connection.moveTo(ConnectionState.DISCONNECTING);
        sendDisconnect(connection, reason, reasonString);
    }

    private void sendDisconnect(MqttConnection connection, MqttDisconnectReasonCode reason, String reasonString) {
        if (!connection.isV5()) {
            connection.channel().close();
            return;
        }
        MqttProperties props = problem(connection, reasonString);
        writer.writeAndFlushFuture(connection, new MqttDisconnect(reason, props))
                .addListener(ChannelFutureListener.CLOSE);
    }

    /**
     * Refuses a CONNECT with a CONNACK whose reason is {@code reason} (MQTT 3.1.1: the matching return code, or
     * no CONNACK when 3.1.1 has none) and closes (MQTT-3.2.2-7 in 5.0, MQTT-3.2.2-5 in 3.1.1).
     */
    public void refuse(MqttConnection connection, MqttConnectReasonCode reason, String reasonString) {
        if (!connection.state().acceptsPackets()) {
            return;
        }
        LOG.debug("{}: refusing CONNECT with {} ({})", connection, reason, reasonString);
        connection.moveTo(ConnectionState.DISCONNECTING);
        sendRefusal(connection, reason, reasonString);
    }

    /**
     * As {@link #disconnect}, but the DISCONNECT (or refusing CONNACK) goes out only after {@code delayMillis}: a
     * failed login is answered late so that guessing passwords is slow. The connection processes no packet
     * meanwhile; if the client closes it first, nothing is sent.
     */
    public void disconnectAfter(MqttConnection connection, MqttDisconnectReasonCode reason, String reasonString,
            long delayMillis) {
        if (connection.state() != ConnectionState.CONNECTED) {
            MqttConnectReasonCode code = MqttConnectReasonCode.fromCode(reason.code());
            refuseAfter(connection, code == null ? MqttConnectReasonCode.UNSPECIFIED_ERROR : code, reasonString,
                    delayMillis);
            return;
        }
        if (delayMillis <= 0) {
            disconnect(connection, reason, reasonString);
            return;
        }
        LOG.debug("{}: disconnecting with {} ({}) in {} ms", connection, reason, reasonString, delayMillis);
        connection.moveTo(ConnectionState.DISCONNECTING);
        later(connection, () -> sendDisconnect(connection, reason, reasonString), delayMillis);
    }

    /** As {@link #refuse}, with the refusing CONNACK sent only after {@code delayMillis} (see {@link #disconnectAfter}). */
    public void refuseAfter(MqttConnection connection, MqttConnectReasonCode reason, String reasonString,
            long delayMillis) {
        if (delayMillis <= 0 || !connection.state().acceptsPackets()) {
            refuse(connection, reason, reasonString);
            return;
        }
        LOG.debug("{}: refusing CONNECT with {} ({}) in {} ms", connection, reason, reasonString, delayMillis);
        connection.moveTo(ConnectionState.DISCONNECTING);
        later(connection, () -> sendRefusal(connection, reason, reasonString), delayMillis);
    }

    private static void later(MqttConnection connection, Runnable send, long delayMillis) {
        connection.channel().eventLoop().schedule(() -> {
            if (connection.channel().isActive()) {
                send.run();
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void sendRefusal(MqttConnection connection, MqttConnectReasonCode reason, String reasonString) {
        MqttVersion v = connection.version();
        if (!v.isV5() && reason.toV3ReturnCode() < 0) {
            connection.channel().close();
            return;
        }
        MqttProperties props = v.isV5() ? problem(connection, reasonString) : MqttProperties.EMPTY;
        writer.writeAndFlushFuture(connection, new MqttConnAck(false, reason, props))
                .addListener(ChannelFutureListener.CLOSE);
    }

    /** Closes without sending anything (e.g. a first packet that is not CONNECT, MQTT-3.1.0-1). */
    public void close(MqttConnection connection, String why) {
        LOG.debug("{}: closing: {}", connection, why);
        if (connection.state().acceptsPackets()) {
            connection.moveTo(ConnectionState.DISCONNECTING);
        }
        connection.channel().close();
    }

    private static MqttProperties problem(MqttConnection connection, String reasonString) {
        if (reasonString == null || !connection.requestProblemInformation()) {
            return MqttProperties.EMPTY;
        }
        return MqttProperties.builder().reasonString(reasonString).build();
    }
}
