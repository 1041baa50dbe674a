package io.mqttharness.load.client;

import io.gatling.core.session.Session;
import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.netty.MqttDecoder;
import io.mqttharness.codec.netty.MqttEncoder;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttPingReq;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.reason.MqttPubAckReasonCode;
import io.mqttharness.codec.reason.MqttPubCompReasonCode;
import io.mqttharness.codec.reason.MqttPubRecReasonCode;
import io.mqttharness.load.protocol.MqttComponents;
import io.mqttharness.load.protocol.MqttProtocol;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One virtual user's MQTT client connection, built on the project's codec. It lives on the user's own event
 * loop ({@code session.eventLoop()}): the channel, its callbacks and the timeouts all run on that thread, so
 * no state here needs a lock.
 *
 * <p>It answers the broker's QoS 1/2 deliveries itself (PUBACK; PUBREC then PUBCOMP on PUBREL), sends
 * PINGREQ at half the keep alive, and fails every pending acknowledgement when the connection is lost.
 */
public final class MqttClientConnection {
    /** Session attribute holding the user's connection. */
    public static final String ATTRIBUTE = "io.mqttharness.load.connection";

    private static final Consumer<MqttPublish> IGNORE = publish -> { };

    private final MqttProtocol protocol;
    private final EventLoop loop;
    private final PendingAcks pending;
    private Channel channel;
    private Consumer<MqttPublish> messageListener = IGNORE;
    private ScheduledFuture<?> pinger;
    private int lastPacketId;
    private String closedReason;

    private MqttClientConnection(MqttProtocol protocol, EventLoop loop) {
        this.protocol = protocol;
        this.loop = loop;
        this.pending = new PendingAcks(loop);
    }

    /** The connection stored in the session, if the user has one. */
    public static Optional<MqttClientConnection> of(Session session) {
        return session.contains(ATTRIBUTE)
                ? Optional.of((MqttClientConnection) session.attributes().apply(ATTRIBUTE))
                : Optional.empty();
    }

    /**
     * Opens a TCP connection on the user's event loop and sends CONNECT; {@code listener} gets the CONNACK
     * (whatever its reason code) or a failure, after which the channel is already closed. Must be called on
     * {@code session.eventLoop()}. The host name is resolved by Netty's default (JDK) resolver.
     */
    public static MqttClientConnection open(MqttComponents components, Session session, String clientId,
            AckListener listener) {
        MqttProtocol protocol = components.protocol();
        MqttClientConnection connection = new MqttClientConnection(protocol, session.eventLoop());
        Bootstrap bootstrap = new Bootstrap()
                .group(session.eventLoop())
                .channelFactory(components.channelFactory())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) protocol.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast("decoder",
                                new MqttDecoder(protocol.version(), MqttDecoder.PROTOCOL_MAX_PACKET_SIZE));
                        ch.pipeline().addLast("encoder", new MqttEncoder(protocol.version()));
                        ch.pipeline().addLast("client", new MqttClientHandler(connection));
                    }
                });
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
        connection.channel = connect.channel();
        connect.addListener(future -> {
            if (!future.isSuccess()) {
                closing.onFailure("TCP connect to " + protocol.host() + ":" + protocol.port() + " failed: "
                        + future.cause().getMessage());
                return;
            }
            connection.pending.await(PendingAcks.CONNACK_KEY, MqttPacketType.CONNACK,
                    protocol.connectTimeout().toMillis(), connection.connAckListener(closing));
            connection.send(connection.connectPacket(clientId));
        });
        return connection;
    }

    private MqttConnect connectPacket(String clientId) {
        MqttProperties properties = MqttProperties.EMPTY;
        if (protocol.version().isV5() && protocol.sessionExpirySeconds() != null) {
            properties = MqttProperties.builder().sessionExpiryInterval(protocol.sessionExpirySeconds()).build();
        }
        return new MqttConnect(protocol.version(), protocol.cleanStart(), protocol.keepAliveSeconds(), clientId,
                properties, null, protocol.username(), protocol.password());
    }

    private AckListener connAckListener(AckListener listener) {
        return new AckListener() {
            @Override
            public void onAck(MqttPacket packet) {
                MqttConnAck connAck = (MqttConnAck) packet;
                if (!connAck.reasonCode().isError()) {
                    Integer serverKeepAlive = connAck.properties().serverKeepAlive();
                    startPinger(serverKeepAlive != null ? serverKeepAlive : protocol.keepAliveSeconds());
                }
                listener.onAck(packet);
            }

            @Override
            public void onFailure(String message) {
                listener.onFailure(message);
            }
        };
    }

    private void startPinger(int keepAliveSeconds) {
        if (keepAliveSeconds > 0) {
            long periodMillis = keepAliveSeconds * 1000L / 2;
            pinger = loop.scheduleAtFixedRate(() -> send(MqttPingReq.INSTANCE), periodMillis, periodMillis,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** True while the channel is open and no failure was seen. */
    public boolean isOpen() {
        return closedReason == null && channel != null && channel.isActive();
    }

    /** Why the connection is unusable, or {@code null}. */
    public String closedReason() {
        return closedReason;
    }

    /** Writes and flushes a packet. */
    public ChannelFuture send(MqttPacket packet) {
        return channel.writeAndFlush(packet);
    }

    /** A packet identifier not waiting for an acknowledgement, or -1 when all 65,535 are in flight. */
    public int nextPacketId() {
        for (int i = 0; i < 65535; i++) {
            lastPacketId = lastPacketId == 65535 ? 1 : lastPacketId + 1;
            if (!pending.inUse(lastPacketId)) {
                return lastPacketId;
            }
        }
        return -1;
    }

    /** Waits for {@code expected} with {@code packetId}, timing out after the protocol's ack timeout. */
    public void awaitAck(int packetId, MqttPacketType expected, AckListener listener) {
        pending.await(packetId, expected, protocol.ackTimeout().toMillis(), listener);
    }

    /** Receives every PUBLISH the broker delivers (after this connection acknowledged it). */
    public void onMessage(Consumer<MqttPublish> listener) {
        this.messageListener = listener;
    }

    /** Sends DISCONNECT and closes; {@code whenClosed} runs on the event loop once the channel is closed. */
    public void disconnect(Runnable whenClosed) {
        if (!isOpen()) {
            close();
            whenClosed.run();
            return;
        }
        closedReason = "disconnected by the client";
        send(MqttDisconnect.NORMAL).addListener(f -> channel.close());
        channel.closeFuture().addListener(f -> whenClosed.run());
    }

    /** Closes without DISCONNECT (end of the virtual user). Safe to call from any thread and repeatedly. */
    public void close() {
        if (channel != null) {
            channel.close();
        }
    }

    void onPacket(MqttPacket packet) {
        if (packet instanceof MqttPublish publish) {
            onPublish(publish);
            return;
        }
        int key;
        if (packet instanceof MqttConnAck) {
            key = PendingAcks.CONNACK_KEY;
        } else if (packet instanceof MqttPubRel pubRel) {
            // the broker's half of an inbound QoS 2 flow: complete it, nothing waits for it
            send(new MqttPubComp(pubRel.packetId(), MqttPubCompReasonCode.SUCCESS, MqttProperties.EMPTY));
            return;
        } else if (packet.type() == MqttPacketType.PINGRESP) {
            return;
        } else if (packet instanceof MqttDisconnect disconnect) {
            fail("broker sent DISCONNECT " + disconnect.reasonCode());
            return;
        } else {
            key = packetIdOf(packet);
        }
        if (key == 0 || !pending.complete(key, packet)) {
            fail("unexpected " + packet.type() + " from broker" + (key > 0 ? " for packet id " + key : ""));
        }
    }

    private static int packetIdOf(MqttPacket packet) {
        if (packet instanceof MqttPubAck p) {
            return p.packetId();
        } else if (packet instanceof MqttPubRec p) {
            return p.packetId();
        } else if (packet instanceof MqttPubComp p) {
            return p.packetId();
        } else if (packet instanceof io.mqttharness.codec.packet.MqttSubAck p) {
            return p.packetId();
        } else if (packet instanceof io.mqttharness.codec.packet.MqttUnsubAck p) {
            return p.packetId();
        }
        return 0;
    }

    private void onPublish(MqttPublish publish) {
        if (publish.qos() == MqttQos.AT_LEAST_ONCE) {
            send(new MqttPubAck(publish.packetId(), MqttPubAckReasonCode.SUCCESS, MqttProperties.EMPTY));
        } else if (publish.qos() == MqttQos.EXACTLY_ONCE) {
            send(new MqttPubRec(publish.packetId(), MqttPubRecReasonCode.SUCCESS, MqttProperties.EMPTY));
        }
        messageListener.accept(publish);
    }

    /** Marks the connection failed, fails all waiters and closes the channel. */
    void fail(String message) {
        if (closedReason == null) {
            closedReason = message;
        }
        pending.failAll(message);
        close();
    }

    void onClosed(String message) {
        if (pinger != null) {
            pinger.cancel(false);
        }
        if (closedReason == null) {
            closedReason = message;
        }
        pending.failAll(closedReason);
    }
}
