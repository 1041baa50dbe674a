package io.mqttharness.broker.persistence;

import io.mqttharness.broker.routing.Subscription;
import io.mqttharness.codec.MqttQos;
import io.netty.buffer.ByteBuf;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The broker state the files describe, rebuilt by replaying records: persistent sessions and retained messages.
 * Used at startup (snapshot + journals, then handed to the live broker) and by compaction (sealed files into a new
 * snapshot). A record that contradicts the state so far (a message taken from an empty queue) means the files
 * are inconsistent and fails loudly. Records about a session that does not exist are ignored: they can be
 * written by a connection that lost the race with the end of its session.
 */
final class PersistentState {
    final Map<String, SessionImage> sessions = new LinkedHashMap<>();
    final Map<String, RetainedImage> retained = new LinkedHashMap<>();

    /** A retained message on disk. */
    record RetainedImage(String topic, long storedAtMillis, long expiryIntervalSeconds, byte[] publish) {
        boolean isExpired(long nowMillis) {
            return expiryIntervalSeconds >= 0 && nowMillis - storedAtMillis >= expiryIntervalSeconds * 1000;
        }
    }

    /**
     * Applies one record.
     *
     * @param in the payload after the type byte; fully consumed
     * @param where file and offset, for error messages
     */
    void apply(RecordType type, ByteBuf in, String where) {
        switch (type) {
            case SESSION_CREATED -> {
                String clientId = RecordFields.readString(in);
                sessions.put(clientId, new SessionImage(RecordFields.readString(in), in.readLong()));
            }
            case SESSION_RESUMED -> {
                String clientId = RecordFields.readString(in);
                String username = RecordFields.readString(in);
                long expiry = in.readLong();
                SessionImage s = sessions.computeIfAbsent(clientId, id -> new SessionImage(username, expiry));
                s.username = username;
                s.expirySeconds = expiry;
                s.offlineSinceMillis = -1;
            }
            case SESSION_OFFLINE -> {
                SessionImage s = sessions.get(RecordFields.readString(in));
                long expiry = in.readLong();
                long at = in.readLong();
                if (s != null) {
                    s.expirySeconds = expiry;
                    s.offlineSinceMillis = at;
                }
            }
            case SESSION_ENDED -> sessions.remove(RecordFields.readString(in));
            case SUBSCRIBED -> applySubscribed(in);
            case UNSUBSCRIBED -> {
                SessionImage s = sessions.get(RecordFields.readString(in));
                String group = RecordFields.readString(in);
                String filter = RecordFields.readString(in);
                if (s != null) {
                    s.subscriptions.remove(SessionImage.subscriptionKey(group, filter));
                }
            }
            case ENQUEUED -> {
                SessionImage s = sessions.get(RecordFields.readString(in));
                StoredMessage m = RecordFields.readMessage(in);
                if (s != null) {
                    s.queue.addLast(m);
                }
            }
            case TAKEN -> {
                String clientId = RecordFields.readString(in);
                int packetId = in.readUnsignedShort();
                SessionImage s = sessions.get(clientId);
                if (s != null) {
                    StoredMessage m = s.queue.pollFirst();
                    if (m == null) {
                        throw inconsistent(where, "packet id " + packetId + " sent to '" + clientId
                                + "' but its queue is empty");
                    }
                    if (s.inflight.put(packetId, new SessionImage.Inflight(m)) != null) {
                        throw inconsistent(where, "packet id " + packetId + " of '" + clientId
                                + "' is already in flight");
                    }
                }
            }
            case DROPPED -> {
                String clientId = RecordFields.readString(in);
                SessionImage s = sessions.get(clientId);
                if (s != null && s.queue.pollFirst() == null) {
                    throw inconsistent(where, "message of '" + clientId + "' dropped but its queue is empty");
                }
            }
            case RELEASED -> {
                SessionImage s = sessions.get(RecordFields.readString(in));
                int packetId = in.readUnsignedShort();
                SessionImage.Inflight m = s == null ? null : s.inflight.get(packetId);
                if (m != null) {
                    m.released = true;
                }
            }
            case COMPLETED -> {
                SessionImage s = sessions.get(RecordFields.readString(in));
                int packetId = in.readUnsignedShort();
                if (s != null) {
                    s.inflight.remove(packetId);
                }
            }
            case INBOUND_AWAITING_PUBREL, INBOUND_RELEASED -> {
                SessionImage s = sessions.get(RecordFields.readString(in));
                int packetId = in.readUnsignedShort();
                if (s != null && type == RecordType.INBOUND_AWAITING_PUBREL) {
                    s.inboundAwaitingPubRel.add(packetId);
                } else if (s != null) {
                    s.inboundAwaitingPubRel.remove(packetId);
                }
            }
            case RETAINED_STORED -> {
                String topic = RecordFields.readString(in);
                retained.put(topic, new RetainedImage(topic, in.readLong(), in.readLong(),
                        RecordFields.readBytes(in)));
            }
            case RETAINED_REMOVED -> retained.remove(RecordFields.readString(in));
        }
        if (in.isReadable()) {
            throw new PersistenceException(where + ": " + in.readableBytes() + " unexpected bytes after a "
                    + type + " record");
        }
    }

    private void applySubscribed(ByteBuf in) {
        SessionImage s = sessions.get(RecordFields.readString(in));
        String filter = RecordFields.readString(in);
        String group = RecordFields.readString(in);
        MqttQos qos = MqttQos.fromCode(in.readUnsignedByte());
        int options = in.readUnsignedByte();
        int retainHandling = in.readUnsignedByte();
        int id = in.readInt();
        if (s != null) {
            Subscription sub = new Subscription("", filter, group, qos, (options & 1) != 0, (options & 2) != 0,
                    retainHandling, id == 0 ? null : id);
            s.subscriptions.put(SessionImage.subscriptionKey(group, filter), sub);
        }
    }

    private static PersistenceException inconsistent(String where, String what) {
        return new PersistenceException(where + ": inconsistent journal: " + what);
    }

    /**
     * Removes what has expired by {@code nowMillis}: sessions past their Session Expiry Interval, queued (not yet
     * sent) messages and retained messages past their Message Expiry Interval (MQTT-3.3.2-5). A session that was
     * online when the broker stopped is offline from now on. Only done at startup, before the state is both
     * written as the new snapshot and handed to the broker, so that disk and memory agree.
     */
    void pruneExpired(long nowMillis) {
        Iterator<SessionImage> sessionIt = sessions.values().iterator();
        while (sessionIt.hasNext()) {
            SessionImage s = sessionIt.next();
            if (s.remainingExpirySeconds(nowMillis) <= 0) {
                sessionIt.remove();
                continue;
            }
            if (s.offlineSinceMillis < 0) {
                s.offlineSinceMillis = nowMillis;
            }
            s.queue.removeIf(m -> m.isExpired(nowMillis));
        }
        retained.values().removeIf(r -> r.isExpired(nowMillis));
    }

    /** Writes the state as the minimal sequence of records that replays to it. */
    void writeTo(SnapshotOutput out) {
        for (Map.Entry<String, SessionImage> e : sessions.entrySet()) {
            String clientId = e.getKey();
            SessionImage s = e.getValue();
            ByteBuf buf = out.buffer();
            RecordEncoder.session(buf, RecordType.SESSION_CREATED, clientId, s.username, s.expirySeconds);
            if (s.offlineSinceMillis >= 0) {
                RecordEncoder.offline(buf, clientId, s.expirySeconds, s.offlineSinceMillis);
            }
            for (Subscription sub : s.subscriptions.values()) {
                RecordEncoder.subscribed(out.buffer(), new Subscription(clientId, sub.topicFilter(),
                        sub.shareGroup(), sub.qos(), sub.noLocal(), sub.retainAsPublished(), sub.retainHandling(),
                        sub.subscriptionIdentifier()));
                out.written();
            }
            // in-flight messages were sent before anything still queued, and left the queue in that order
            for (Map.Entry<Integer, SessionImage.Inflight> m : s.inflight.entrySet()) {
                RecordEncoder.enqueued(out.buffer(), clientId, m.getValue().message);
                RecordEncoder.packetId(out.buffer(), RecordType.TAKEN, clientId, m.getKey());
                if (m.getValue().released) {
                    RecordEncoder.packetId(out.buffer(), RecordType.RELEASED, clientId, m.getKey());
                }
                out.written();
            }
            for (StoredMessage m : s.queue) {
                RecordEncoder.enqueued(out.buffer(), clientId, m);
                out.written();
            }
            for (int id : s.inboundAwaitingPubRel) {
                RecordEncoder.packetId(out.buffer(), RecordType.INBOUND_AWAITING_PUBREL, clientId, id);
            }
            out.written();
        }
        for (RetainedImage r : retained.values()) {
            RecordEncoder.retainedStored(out.buffer(), r.topic(), r.storedAtMillis(), r.expiryIntervalSeconds(),
                    r.publish());
            out.written();
        }
    }

    /** Where a snapshot is written: a buffer that the owner drains to the file when it has grown. */
    interface SnapshotOutput {
        ByteBuf buffer();

        /** Records were added to {@link #buffer()}; the owner may write it out now. */
        void written();
    }
}
