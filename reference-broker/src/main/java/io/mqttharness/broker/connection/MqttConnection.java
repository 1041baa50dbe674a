package io.mqttharness.broker.connection;

import io.mqttharness.broker.config.ListenerConfig;
import io.mqttharness.broker.session.Session;
import io.mqttharness.broker.session.SessionOwner;
import io.mqttharness.broker.security.EnhancedAuthSession;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttWill;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The state of one network connection: protocol version, client identity, what the client told us about its
 * limits (Receive Maximum, Maximum Packet Size, Request Problem Information, Topic Alias Maximum), its will and
 * its session. Touched only on the channel's event loop, apart from {@link #wakeUp()} and {@link #takeOver}, which
 * hand work to it.
 */
public final class MqttConnection implements SessionOwner {
    private final Channel channel;
    private final ListenerConfig listener;
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private ConnectionState state = ConnectionState.AWAITING_CONNECT;
    private MqttVersion version = MqttVersion.MQTT_3_1_1;
    private String clientId;
    private String username;
    private Session session;
    private int clientReceiveMaximum = 65_535;
    private long clientMaximumPacketSize;
    private boolean requestProblemInformation = true;
    private long sessionExpirySeconds;
    private MqttWill will;
    private TopicAliasRegistry topicAliases = new TopicAliasRegistry(0);
    private OutboundTopicAliases outboundTopicAliases = OutboundTopicAliases.disabled();
    private ScheduledFuture<?> connectTimeout;
    private boolean shuttingDown;
    private boolean sessionReleased;
    private String authenticationMethod;
    private EnhancedAuthSession authSession;
    private MqttConnect pendingConnect;
    private boolean reauthenticating;
    private Runnable flusher = () -> { };
    private TakeOverHandler takeOverHandler = (c, continues) -> { };

    public MqttConnection(Channel channel, ListenerConfig listener) {
        this.channel = channel;
        this.listener = listener;
    }

    /** What the connection does when a newer connection takes its session (set by the packet handlers). */
    @FunctionalInterface
    public interface TakeOverHandler {
        void takeOver(MqttConnection connection, boolean sessionContinues);
    }

    public Channel channel() { return channel; }
    public ListenerConfig listener() { return listener; }

    public ConnectionState state() { return state; }

    /** Moves to {@code target}; an illegal transition is a broker bug and fails loudly. */
    public void moveTo(ConnectionState target) {
        if (state == target) {
            return;
        }
        if (!state.canMoveTo(target)) {
            throw new IllegalStateException("illegal connection state change " + state + " -> " + target);
        }
        state = target;
    }

    public MqttVersion version() { return version; }
    public void version(MqttVersion value) { version = value; }
    public boolean isV5() { return version.isV5(); }
    public String clientId() { return clientId; }
    public void clientId(String value) { clientId = value; }
    public String username() { return username; }
    public void username(String value) { username = value; }
    public Session session() { return session; }
    public void session(Session value) { session = value; }
    public int clientReceiveMaximum() { return clientReceiveMaximum; }
    public void clientReceiveMaximum(int value) { clientReceiveMaximum = value; }
    /** The client's Maximum Packet Size, 0 when it set none. */
    public long clientMaximumPacketSize() { return clientMaximumPacketSize; }
    public void clientMaximumPacketSize(long value) { clientMaximumPacketSize = value; }
    public boolean requestProblemInformation() { return requestProblemInformation; }
    public void requestProblemInformation(boolean value) { requestProblemInformation = value; }
    public long sessionExpirySeconds() { return sessionExpirySeconds; }
    public void sessionExpirySeconds(long value) { sessionExpirySeconds = value; }
    public MqttWill will() { return will; }
    public void will(MqttWill value) { will = value; }
    public TopicAliasRegistry topicAliases() { return topicAliases; }
    public void topicAliases(TopicAliasRegistry value) { topicAliases = value; }
    /** Topic Aliases the broker uses towards the client; one map per network connection. */
    public OutboundTopicAliases outboundTopicAliases() { return outboundTopicAliases; }
    public void outboundTopicAliases(OutboundTopicAliases value) { outboundTopicAliases = value; }
    public void connectTimeout(ScheduledFuture<?> value) { connectTimeout = value; }
    public boolean isShuttingDown() { return shuttingDown; }
    public void shuttingDown() { shuttingDown = true; }

    /** Marks the session as handed back to the session store; true only the first time. */
    public boolean releaseSession() {
        if (sessionReleased) {
            return false;
        }
        sessionReleased = true;
        return true;
    }
    public String authenticationMethod() { return authenticationMethod; }
    public void authenticationMethod(String value) { authenticationMethod = value; }
    public EnhancedAuthSession authSession() { return authSession; }
    public void authSession(EnhancedAuthSession value) { authSession = value; }
    public MqttConnect pendingConnect() { return pendingConnect; }
    public void pendingConnect(MqttConnect value) { pendingConnect = value; }
    public boolean isReauthenticating() { return reauthenticating; }
    public void reauthenticating(boolean value) { reauthenticating = value; }
    public void flusher(Runnable value) { flusher = value; }
    public void takeOverHandler(TakeOverHandler value) { takeOverHandler = value; }

    public void cancelConnectTimeout() {
        if (connectTimeout != null) {
            connectTimeout.cancel(false);
            connectTimeout = null;
        }
    }

    /** Coalesces wake-ups: at most one flush task is pending on the event loop at any time. */
    @Override
    public void wakeUp() {
        if (flushScheduled.compareAndSet(false, true)) {
            if (channel.eventLoop().inEventLoop() && SameLoopDeliveries.offer(this)) {
                return;
            }
            channel.eventLoop().execute(this::flushNow);
        }
    }

    /** Runs the pending flush now, on the event loop: for a scheduled wake-up and for {@link SameLoopDeliveries}. */
    void flushNow() {
        flushScheduled.set(false);
        flusher.run();
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable();
    }

    /**
     * Bytes written to the channel that the socket has not taken yet (Netty's outbound buffer), 0 once the channel
     * is closed. A read-only metric: bounded by the channel's high water mark plus one packet, because the session
     * stops handing out messages while the channel is not writable.
     */
    public long pendingOutboundBytes() {
        ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }

    @Override
    public void takeOver(boolean sessionContinues) {
        channel.eventLoop().execute(() -> takeOverHandler.takeOver(this, sessionContinues));
    }

    @Override
    public String toString() {
        return "MqttConnection[" + (clientId == null ? channel.remoteAddress() : clientId) + ", " + state + "]";
    }
}
