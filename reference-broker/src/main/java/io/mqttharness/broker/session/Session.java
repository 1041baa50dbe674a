package io.mqttharness.broker.session;

import io.mqttharness.broker.delivery.InboundQos2State;
import io.mqttharness.broker.delivery.InflightMessage;
import io.mqttharness.broker.delivery.InflightWindow;
import io.mqttharness.broker.delivery.OutboundFlowState;
import io.mqttharness.broker.delivery.PacketIdAllocator;
import io.mqttharness.broker.config.QueueFullPolicy;
import io.mqttharness.broker.delivery.QueuedMessage;
import io.mqttharness.broker.routing.Subscription;
import io.mqttharness.codec.MqttQos;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The server side Session State of one client (MQTT 5.0 section 4.1): outbound messages in flight and queued,
 * the Packet Identifiers of inbound QoS 2 exchanges, and the will that waits for its delay. Subscriptions are
 * part of the state too but live in the shared subscription tree, keyed by client identifier.
 *
 * <p><b>Threading.</b> Every field is guarded by this session's monitor. Messages are offered from whatever
 * thread routes them (any event loop, the timer); acknowledgements and flushing happen on the event loop of the
 * attached connection. A per-session lock was chosen over "the owner's event loop is the session executor"
 * because a session changes owner on takeover and has no owner while offline: with the lock, a delivery that
 * races with a reconnect either lands in the queue before {@link #attach} (and is sent on resume) or sees the new
 * owner and wakes it, so nothing is lost. Only the current owner may take messages out ({@link #nextToSend}), so
 * a connection that was just taken over can no longer write anything of this session. The lock is never held
 * while calling out, except for {@link SessionOwner#wakeUp()} which only schedules work, and the
 * {@link SessionJournal} of a persistent session, which must be told of each change in the order of the changes.
 */
public final class Session {
    /** Session Expiry Interval that means "never expires" (MQTT 5.0 section 3.1.2.11.2). */
    public static final long NEVER_EXPIRES = 0xFFFF_FFFFL;

    private final String clientId;
    private final QueuePolicy policy;
    private final InflightWindow inflight = new InflightWindow();
    private final SessionQueue queue;
    private final PacketIdAllocator packetIds = new PacketIdAllocator();
    private final Map<Integer, InboundQos2State> inboundQos2 = new HashMap<>();
    private String username;
    private SessionOwner owner;
    private boolean ended;
    private PendingWill pendingWill;
    /** Non-null while the session is persistent (persistence on and Session Expiry Interval above 0). */
    private SessionJournal journal;

    public Session(String clientId, QueuePolicy policy) {
        this.clientId = clientId;
        this.policy = policy;
        this.queue = new SessionQueue(policy);
    }

    public String clientId() {
        return clientId;
    }

    public synchronized String username() {
        return username;
    }

    public synchronized void username(String value) {
        username = value;
    }

    public synchronized boolean isOnline() {
        return owner != null;
    }

    public synchronized boolean isEnded() {
        return ended;
    }

    /** Makes {@code newOwner} the only connection that may send this session's messages. */
    public synchronized void attach(SessionOwner newOwner) {
        owner = newOwner;
    }

    /** Detaches {@code leaving} if it still owns the session; false when it was taken over meanwhile. */
    public synchronized boolean detach(SessionOwner leaving) {
        if (owner != leaving) {
            return false;
        }
        owner = null;
        return true;
    }

    synchronized SessionOwner owner() {
        return owner;
    }

    /**
     * Queues a message for this client, following the {@link QueuePolicy}: offline sessions take QoS 0 only when
     * configured; a QoS 0 message for a connection that is not writable (a slow consumer) is dropped; a full queue
     * drops this message or the oldest ones (the policy's {@code queue_full_policy}). Dropped messages are counted in
     * {@code $SYS/broker/publish/messages/dropped}.
     */
    public void offer(QueuedMessage message) {
        SessionOwner toWake;
        synchronized (this) {
            if (ended) {
                return;
            }
            boolean qos0 = message.qos() == MqttQos.AT_MOST_ONCE;
            if (owner == null && qos0 && !policy.queueQos0WhileOffline()) {
                return;
            }
            if (owner != null && qos0 && !owner.isWritable()) {
                // at most once allows the loss; queueing would let a client that stopped reading pin memory
                policy.stats().messageDropped();
                return;
            }
            if (queue.wouldOverflow(message) && !makeRoom(message)) {
                policy.stats().messageDropped();
                return;
            }
            queue.add(message);
            if (journal != null && message.qos() != MqttQos.AT_MOST_ONCE) {
                journal.enqueued(clientId, message);
            }
            toWake = owner;
        }
        if (toWake != null) {
            toWake.wakeUp();
        }
    }

    /**
     * With {@link QueueFullPolicy#DROP_OLDEST}, drops queued messages from the front until {@code message} fits;
     * false when it cannot be queued (the other policy, or its payload alone passes {@code max_queued_bytes}).
     */
    private boolean makeRoom(QueuedMessage message) {
        if (policy.fullPolicy() != QueueFullPolicy.DROP_OLDEST) {
            return false;
        }
        while (!queue.isEmpty() && queue.wouldOverflow(message)) {
            QueuedMessage oldest = queue.poll();
            policy.stats().messageDropped();
            if (journal != null && oldest.qos() != MqttQos.AT_MOST_ONCE) {
                journal.dropped(clientId);
            }
        }
        return !queue.wouldOverflow(message);
    }

    /**
     * Takes the next message to put on the wire for {@code caller}, or null when there is none, the inflight
     * window is full, or {@code caller} no longer owns the session. QoS 1/2 messages get a Packet Identifier and
     * enter the inflight map before they are returned. Expired messages are dropped on the way (MQTT-3.3.2-5).
     */
    public synchronized OutboundSend nextToSend(SessionOwner caller, int window, long nowNanos) {
        if (owner != caller || ended) {
            return null;
        }
        while (true) {
            QueuedMessage next = queue.peek();
            if (next == null) {
                return null;
            }
            if (next.isExpired(nowNanos)) {
                queue.poll();
                if (journal != null && next.qos() != MqttQos.AT_MOST_ONCE) {
                    journal.dropped(clientId);
                }
                continue;
            }
            if (next.qos() == MqttQos.AT_MOST_ONCE) {
                queue.poll();
                return new OutboundSend(next, 0);
            }
            if (inflight.size() >= window) {
                return null;
            }
            int packetId = packetIds.allocate();
            if (packetId < 0) {
                return null;
            }
            queue.poll();
            inflight.put(new InflightMessage(packetId, next, OutboundFlowState.initialFor(next.qos().code())));
            if (journal != null) {
                journal.taken(clientId, packetId);
            }
            return new OutboundSend(next, packetId);
        }
    }

    /** The outbound exchanges in sending order, for retransmission when the session is resumed (MQTT-4.4.0-1). */
    public synchronized List<InflightMessage> inflightSnapshot() {
        List<InflightMessage> copy = new ArrayList<>(inflight.size());
        for (InflightMessage m : inflight.inSendingOrder()) {
            copy.add(m.snapshot());
        }
        return copy;
    }

    /** State of the outbound exchange with this Packet Identifier, or null when there is none. */
    public synchronized OutboundFlowState outboundState(int packetId) {
        InflightMessage m = inflight.get(packetId);
        return m == null ? null : m.state();
    }

    /** Ends an outbound exchange and frees its Packet Identifier. */
    public synchronized void completeOutbound(int packetId) {
        if (inflight.remove(packetId) != null) {
            packetIds.release(packetId);
            if (journal != null) {
                journal.completed(clientId, packetId);
            }
        }
    }

    /** PUBREC received for this identifier: the exchange now waits for PUBCOMP. */
    public synchronized void releaseOutbound(int packetId) {
        InflightMessage m = inflight.get(packetId);
        if (m != null) {
            m.released();
            if (journal != null) {
                journal.released(clientId, packetId);
            }
        }
    }

    public synchronized int inflightCount() {
        return inflight.size();
    }

    public synchronized int queuedCount() {
        return queue.size();
    }

    /** Payload bytes of the queued (not yet in flight) messages. */
    public synchronized long queuedBytes() {
        return queue.bytes();
    }

    /** State of the inbound QoS 2 exchange with this identifier. */
    public synchronized InboundQos2State inboundQos2State(int packetId) {
        return inboundQos2.getOrDefault(packetId, InboundQos2State.IDLE);
    }

    /** PUBREC sent with a success code: remember the identifier until PUBREL. */
    public synchronized void awaitPubRel(int packetId) {
        if (inboundQos2.put(packetId, InboundQos2State.AWAITING_PUBREL) == null && journal != null) {
            journal.inboundAwaitingPubRel(clientId, packetId);
        }
    }

    /** PUBREL received: forget the identifier; false when it was not known. */
    public synchronized boolean pubRelReceived(int packetId) {
        boolean known = inboundQos2.remove(packetId) != null;
        if (known && journal != null) {
            journal.inboundReleased(clientId, packetId);
        }
        return known;
    }

    /** Inbound QoS 2 exchanges not yet completed, counted against our Receive Maximum. */
    public synchronized int inboundQos2Count() {
        return inboundQos2.size();
    }

    synchronized PendingWill takePendingWill() {
        PendingWill w = pendingWill;
        pendingWill = null;
        return w;
    }

    synchronized void pendingWill(PendingWill value) {
        pendingWill = value;
    }

    synchronized boolean hasPendingWill(PendingWill value) {
        return pendingWill == value && value != null;
    }

    /** The session ended: drop everything so that late offers are ignored. Returns the dropped queue length. */
    synchronized int end() {
        if (journal != null) {
            journal.ended(clientId);
            journal = null;
        }
        ended = true;
        owner = null;
        int dropped = queue.clear();
        inflight.clear();
        inboundQos2.clear();
        return dropped;
    }

    /**
     * Makes the session persistent (journal non-null) or not, for a connection that just opened it. A session
     * that becomes persistent is written to the journal in full, so that its state so far survives too; one that
     * stops being persistent is forgotten on disk. Called by the store under its lock.
     */
    synchronized void persist(SessionJournal target, String user, long expirySeconds,
            Collection<Subscription> subscriptions) {
        if (ended) {
            return;
        }
        if (target == null) {
            if (journal != null) {
                journal.ended(clientId);
                journal = null;
            }
            return;
        }
        if (journal != null) {
            journal.resumed(clientId, user, expirySeconds);
            return;
        }
        journal = target;
        target.created(clientId, user, expirySeconds);
        for (Subscription s : subscriptions) {
            target.subscribed(s);
        }
        for (InflightMessage m : inflight.inSendingOrder()) {
            target.enqueued(clientId, m.message());
            target.taken(clientId, m.packetId());
            if (m.state() == OutboundFlowState.AWAITING_PUBCOMP) {
                target.released(clientId, m.packetId());
            }
        }
        for (QueuedMessage m : queue) {
            if (m.qos() != MqttQos.AT_MOST_ONCE) {
                target.enqueued(clientId, m);
            }
        }
        for (int id : inboundQos2.keySet()) {
            target.inboundAwaitingPubRel(clientId, id);
        }
    }

    /** The connection ended and the session stays for {@code expirySeconds}: record when that started. */
    synchronized void journalOffline(long expirySeconds) {
        if (journal != null) {
            journal.wentOffline(clientId, expirySeconds, System.currentTimeMillis());
        }
    }

    /** Broker shutdown: the session ends in memory only and stays on disk. */
    synchronized void detachJournal() {
        journal = null;
    }

    /** Records a subscription stored for this client (it lives in the subscription tree). */
    public synchronized void journalSubscribed(Subscription subscription) {
        if (journal != null && !ended) {
            journal.subscribed(subscription);
        }
    }

    /** Records a subscription removed for this client. */
    public synchronized void journalUnsubscribed(String shareGroup, String topicFilter) {
        if (journal != null && !ended) {
            journal.unsubscribed(clientId, shareGroup, topicFilter);
        }
    }

    /**
     * Restores the state of an offline persistent session read back from disk, before the broker accepts
     * connections: messages in flight (resent with DUP=1 on resumption), queued messages, inbound QoS 2
     * identifiers awaiting PUBREL. From then on changes go to {@code target}.
     */
    public synchronized void restore(String user, List<InflightMessage> restoredInflight,
            List<QueuedMessage> restoredQueue, Collection<Integer> awaitingPubRel, SessionJournal target) {
        username = user;
        for (InflightMessage m : restoredInflight) {
            if (!packetIds.claim(m.packetId())) {
                throw new IllegalStateException("packet id " + m.packetId() + " restored twice for " + clientId);
            }
            inflight.put(m);
        }
        queue.addAll(restoredQueue);
        for (int id : awaitingPubRel) {
            inboundQos2.put(id, InboundQos2State.AWAITING_PUBREL);
        }
        journal = target;
    }

    /** A message taken from the queue for sending; {@code packetId} is 0 for QoS 0. */
    public record OutboundSend(QueuedMessage message, int packetId) {
    }
}
