package io.mqttharness.broker.connection;

import io.mqttharness.broker.delivery.MessageRouter;
import io.mqttharness.broker.server.BrokerContext;
import io.mqttharness.broker.server.ConnectLevelSniffer;
import io.mqttharness.codec.MqttDecodeException;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.netty.MqttEncoder;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.packet.MqttWill;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.netty.channel.ChannelFutureListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How connections end: the client's DISCONNECT, decode errors, keep alive timeout, session takeover, broker
 * shutdown, and what then happens to the will and the session.
 *
 * <p>Wills (MQTT 5.0 section 3.1.2.5, 3.1.1 section 3.1.2.5): the will is published whenever the network
 * connection closes without a DISCONNECT with reason 0x00 (MQTT-3.1.2-8; 0x04 keeps it, MQTT 5.0 section 3.14.2.1),
 * honouring its Will Delay Interval. On takeover the old connection's will is published at once when its delay
 * is 0 or the new connection starts a clean session (the old session ends), and discarded otherwise, because
 * a new connection to the session exists before the delay passed (MQTT-3.1.3-9 in 5.0). The will is not published
 * when the broker itself shuts down.
 */
public final class ConnectionLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLifecycle.class);
    private final BrokerContext context;
    private final MessageRouter router;
    private final OutboundPacketWriter writer;
    private final ConnectionCloser closer;

    public ConnectionLifecycle(BrokerContext context, OutboundPacketWriter writer, ConnectionCloser closer) {
        this.context = context;
        this.router = context.router();
        this.writer = writer;
        this.closer = closer;
    }

    /**
     * DISCONNECT from the client (section 3.14). Reason 0x00 deletes the will (MQTT-3.1.2-10 in 5.0, MQTT-3.14.4-3
     * in 3.1.1). A Session Expiry Interval on DISCONNECT replaces the CONNECT's, but setting a non-zero one when the
     * CONNECT's was 0 is a Protocol Error (MQTT 5.0 section 3.14.2.2.2).
     */
    public void onDisconnect(MqttConnection connection, MqttDisconnect disconnect) {
        Long expiry = disconnect.properties().sessionExpiryInterval();
        if (expiry != null) {
            if (connection.sessionExpirySeconds() == 0 && expiry != 0) {
                closer.disconnect(connection, MqttDisconnectReasonCode.PROTOCOL_ERROR,
                        "Session Expiry Interval was 0 on CONNECT and cannot be set on DISCONNECT");
                return;
            }
            long max = context.config().maxSessionExpiry();
            connection.sessionExpirySeconds(max >= 0 ? Math.min(expiry, max) : expiry);
        }
        if (disconnect.reasonCode() == MqttDisconnectReasonCode.NORMAL_DISCONNECTION) {
            connection.will(null);
        }
        connection.moveTo(ConnectionState.DISCONNECTING);
        // The session goes back to the store before the socket closes, not when Netty reports the channel
        // inactive (a later task): a client that reconnects as soon as it sees the close must find the session
        // ended (expiry 0) or offline, never still owned by this connection and "taken over" with Session Present.
        releaseSession(connection);
        connection.channel().close();
    }

    /** The decoder rejected the input; after this no further input of the connection is read. */
    public void onDecodeError(MqttConnection connection, MqttDecodeException error) {
        LOG.debug("{}: decode error: {}", connection, error.getMessage());
        if (connection.state() == ConnectionState.AWAITING_CONNECT) {
            if (error.unsupportedProtocolVersion()) {
                // the client speaks an unknown version: answer in the 3.1.1 format it most likely understands,
                // return code 0x01 (MQTT-3.1.2-2 in 3.1.1 and 5.0)
                connection.version(MqttVersion.MQTT_3_1_1);
                connection.channel().pipeline().get(MqttEncoder.class).version(MqttVersion.MQTT_3_1_1);
                closer.refuse(connection, MqttConnectReasonCode.UNSUPPORTED_PROTOCOL_VERSION,
                        error.getMessage());
            } else if (Integer.valueOf(MqttVersion.MQTT_5.level()).equals(
                    connection.channel().attr(ConnectLevelSniffer.PROTOCOL_LEVEL).get())) {
                // a malformed MQTT 5 CONNECT: CONNACK with the reason, then close (MQTT 5.0 section 4.13.1)
                connection.version(MqttVersion.MQTT_5);
                connection.channel().pipeline().get(MqttEncoder.class).version(MqttVersion.MQTT_5);
                MqttConnectReasonCode code = MqttConnectReasonCode.fromCode(error.reasonCode().code());
                closer.refuse(connection, code == null ? MqttConnectReasonCode.UNSPECIFIED_ERROR : code,
                        error.getMessage());
            } else {
                closer.close(connection, error.getMessage());
            }
            return;
        }
        closer.disconnect(connection, error.reasonCode(), error.getMessage());
    }

    /** No packet for 1.5 times the Keep Alive (MQTT-3.1.2-22 in 5.0, MQTT-3.1.2-24 in 3.1.1). */
    public void onKeepAliveTimeout(MqttConnection connection) {
        closer.disconnect(connection, MqttDisconnectReasonCode.KEEP_ALIVE_TIMEOUT, "keep alive timeout");
    }

    /** A newer connection took the session; runs on this connection's event loop. */
    public void takeOver(MqttConnection connection, boolean sessionContinues) {
        MqttWill will = connection.will();
        connection.will(null);
        if (will != null && (willDelay(will) == 0 || !sessionContinues)) {
            router.route(toPublish(will), connection.clientId(), System.nanoTime());
        }
        closer.disconnect(connection, MqttDisconnectReasonCode.SESSION_TAKEN_OVER, "session taken over");
    }

    /** Broker shutdown: DISCONNECT 0x8B in MQTT 5, no will. Runs on this connection's event loop. */
    public void shutdown(MqttConnection connection) {
        connection.shuttingDown();
        connection.will(null);
        if (connection.state() == ConnectionState.CONNECTED && connection.isV5()) {
            connection.moveTo(ConnectionState.DISCONNECTING);
            writer.writeAndFlushFuture(connection,
                    new MqttDisconnect(MqttDisconnectReasonCode.SERVER_SHUTTING_DOWN, MqttProperties.EMPTY))
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            closer.close(connection, "broker shutting down");
        }
    }

    /** The network connection is closed: hand the session and the will to the session store. */
    public void onClosed(MqttConnection connection) {
        connection.cancelConnectTimeout();
        boolean wasConnected = connection.session() != null;
        connection.moveTo(ConnectionState.CLOSED);
        context.connections().remove(connection);
        if (!wasConnected) {
            return;
        }
        context.stats().clientDisconnected();
        releaseSession(connection);
    }

    /** Hands the session and the will to the session store, once per connection; not at broker shutdown. */
    private void releaseSession(MqttConnection connection) {
        if (connection.isShuttingDown() || !connection.releaseSession()) {
            return;
        }
        MqttWill will = connection.will();
        connection.will(null);
        context.sessions().connectionClosed(connection.session(), connection, connection.sessionExpirySeconds(),
                will == null ? null : toPublish(will), will == null ? 0 : willDelay(will));
    }

    private static long willDelay(MqttWill will) {
        Long delay = will.properties().willDelayInterval();
        return delay == null ? 0 : delay;
    }

    /**
     * The will as an application message: its properties minus Will Delay Interval, which belongs to the will
     * only (MQTT 5.0 section 3.1.3.2).
     */
    static MqttPublish toPublish(MqttWill will) {
        MqttProperties props = will.properties().toBuilder().willDelayInterval(null).build();
        return new MqttPublish(false, will.qos(), will.retain(), will.topic(), 0, props, will.payload());
    }
}
