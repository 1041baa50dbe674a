package io.mqttharness.load.client;

import io.gatling.core.session.Session;
import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.packet.MqttConnAck;
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
import io.mqttharness.load.e2e.MessageRecorder;
import io.mqttharness.load.protocol.MqttProtocol;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One virtual user's MQTT client connection, built on the project's codec. It lives on the user's own event
 * loop ({@code session.eventLoop()}): the channel, its callbacks and the timeouts all run on that thread, so
 * no state here needs a lock.
 *
 * <p>It answers the broker's QoS 1/2 deliveries itself (PUBACK; PUBREC then PUBCOMP on PUBREL), sends
 * PINGREQ at half the keep alive, and fails every pending acknowledgement and message wait when the connection
 * is lost. Received messages go to the subscriber's {@link MessageRecorder} (end-to-end latency, counting) and
 * to the actions waiting for messages.
 */
public final class MqttClientConnection {
    /** How long {@link #disconnect} waits for the broker's close after DISCONNECT before closing itself. */
    public static final long DISCONNECT_GRACE_MILLIS = 1_000;

    /** Session attribute holding the user's connection. */
    public static final String ATTRIBUTE = "io.mqttharness.load.connection";

    private final MqttProtocol protocol;
    private final EventLoop loop;
    private final PendingAcks pending;
    private final MessageWaiters waiters;
    private final String clientId;
    /** Packet ids of inbound QoS 2 messages delivered and acknowledged with PUBREC, waiting for PUBREL. */
    private final Set<Integer> inboundQos2 = new HashSet<>();
    private Channel channel;
    private MessageRecorder recorder;
    private ScheduledFuture<?> pinger;
    private int lastPacketId;
    private String closedReason;
    private boolean sessionPresent;
    private boolean counted;

    MqttClientConnection(MqttProtocol protocol, EventLoop loop, String clientId) {
        this.protocol = protocol;
        this.loop = loop;
        this.clientId = clientId;
        this.pending = new PendingAcks(loop);
        this.waiters = new MessageWaiters(loop);
    }

    /** The connection stored in the session, if the user has one. */
    public static Optional<MqttClientConnection> of(Session session) {
        return session.contains(ATTRIBUTE)
                ? Optional.of((MqttClientConnection) session.attributes().apply(ATTRIBUTE))
                : Optional.empty();
    }

    /** The channel this connection runs on (set by {@link ClientConnector} as soon as it exists). */
    void channel(Channel channel) {
        this.channel = channel;
    }

    /** Waits for the CONNACK; on success records Session Present, counts the connection and starts pinging. */
    void awaitConnAck(AckListener listener) {
        pending.await(PendingAcks.CONNACK_KEY, MqttPacketType.CONNACK, protocol.connectTimeout().toMillis(),
                connAckListener(listener));
    }

    private AckListener connAckListener(AckListener listener) {
        return new AckListener() {
            @Override
            public void onAck(MqttPacket packet) {
                MqttConnAck connAck = (MqttConnAck) packet;
                if (!connAck.reasonCode().isError()) {
                    sessionPresent = connAck.sessionPresent();
                    counted = true;
                    protocol.metrics().connectionOpened();
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

    /** The client identifier sent in CONNECT. */
    public String clientId() {
        return clientId;
    }

    /** Session Present of the successful CONNACK. */
    public boolean sessionPresent() {
        return sessionPresent;
    }

    /** The recorder of received sensor messages, or {@code null} before the first subscribe. */
    public MessageRecorder recorder() {
        return recorder;
    }

    /** Sets the recorder of received sensor messages (the subscribe action creates it). */
    public void recorder(MessageRecorder recorder) {
        this.recorder = recorder;
    }

    /**
     * Takes over the session state a resumed session needs on the client side: the recorder with the
     * subscriptions, and the inbound QoS 2 messages still waiting for PUBREL.
     */
    public void resume(MqttClientConnection previous) {
        this.recorder = previous.recorder;
        this.inboundQos2.addAll(previous.inboundQos2);
    }

    /**
     * Waits for {@code count} messages that pass {@code filter}, each checked with {@code check}; the outcome
     * runs on the event loop.
     */
    public void awaitMessages(int count, Predicate<MqttPublish> filter, Predicate<MqttPublish> check,
            String checkDescription, long timeoutMillis, MessageWaiters.Outcome outcome) {
        if (!isOpen()) {
            outcome.failed("connection is closed: " + closedReason, java.util.List.of());
            return;
        }
        waiters.await(count, filter, check, checkDescription, timeoutMillis, outcome);
    }

    /**
     * Sends DISCONNECT, waits up to {@link #DISCONNECT_GRACE_MILLIS} for the broker to close the connection and
     * then closes it; {@code whenClosed} runs on the event loop once the channel is closed. Waiting for the
     * broker's close means the broker has processed the DISCONNECT before the user's next action: a reconnect
     * right after it would otherwise race the broker's handling of the old connection (a session with expiry 0
     * could still look connected and be taken over with Session Present 1).
     */
    public void disconnect(Runnable whenClosed) {
        if (!isOpen()) {
            close();
            whenClosed.run();
            return;
        }
        closedReason = "disconnected by the client";
        channel.closeFuture().addListener(f -> whenClosed.run());
        send(MqttDisconnect.NORMAL).addListener(f -> {
            if (!f.isSuccess()) {
                channel.close();
                return;
            }
            ScheduledFuture<?> grace = channel.eventLoop().schedule(() -> {
                channel.close();
            }, DISCONNECT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            channel.closeFuture().addListener(c -> grace.cancel(false));
        });
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
            inboundQos2.remove(pubRel.packetId());
            send(new MqttPubComp(pubRel.packetId(), MqttPubCompReasonCode.SUCCESS, MqttProperties.EMPTY));
            return;
        } else if (packet.type() == MqttPacketType.PINGRESP) {
            return;
        } else if (packet instanceof MqttDisconnect disconnect) {
            fail("broker sent DISCONNECT " + disconnect.reasonCode());
            return;
        } else {
            key = PendingAcks.keyOf(packet);
        }
        if (key == 0 || !pending.complete(key, packet)) {
            fail("unexpected " + packet.type() + " from broker" + (key > 0 ? " for packet id " + key : ""));
        }
    }

    private void onPublish(MqttPublish publish) {
        if (publish.qos() == MqttQos.AT_LEAST_ONCE) {
            send(new MqttPubAck(publish.packetId(), MqttPubAckReasonCode.SUCCESS, MqttProperties.EMPTY));
        } else if (publish.qos() == MqttQos.EXACTLY_ONCE) {
            send(new MqttPubRec(publish.packetId(), MqttPubRecReasonCode.SUCCESS, MqttProperties.EMPTY));
            if (!inboundQos2.add(publish.packetId())) {
                // a resend before PUBREL: exactly once means it must not reach the application twice
                return;
            }
        }
        if (recorder != null) {
            recorder.accept(publish);
        }
        waiters.onMessage(publish);
    }

    /** Marks the connection failed, fails all waiters and closes the channel. */
    void fail(String message) {
        if (closedReason == null) {
            closedReason = message;
        }
        pending.failAll(message);
        waiters.failAll(message);
        close();
    }

    void onClosed(String message) {
        if (pinger != null) {
            pinger.cancel(false);
        }
        if (closedReason == null) {
            closedReason = message;
        }
        if (counted) {
            counted = false;
            protocol.metrics().connectionClosed();
        }
        pending.failAll(closedReason);
        waiters.failAll(closedReason);
    }
}
