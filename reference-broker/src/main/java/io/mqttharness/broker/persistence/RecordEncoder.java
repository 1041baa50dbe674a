package io.mqttharness.broker.persistence;

import io.mqttharness.broker.routing.Subscription;
import io.netty.buffer.ByteBuf;

/**
 * Writes one framed record of each {@link RecordType}. The live journal and the snapshot writer share these, so
 * there is one format and one reader ({@link PersistentState#apply}).
 */
final class RecordEncoder {
    private RecordEncoder() {
    }

    static void session(ByteBuf out, RecordType type, String clientId, String username, long expirySeconds) {
        int start = RecordFields.begin(out, type);
        RecordFields.writeString(out, clientId);
        RecordFields.writeString(out, username);
        out.writeLong(expirySeconds);
        RecordFields.end(out, start);
    }

    static void offline(ByteBuf out, String clientId, long expirySeconds, long atEpochMillis) {
        int start = RecordFields.begin(out, RecordType.SESSION_OFFLINE);
        RecordFields.writeString(out, clientId);
        out.writeLong(expirySeconds);
        out.writeLong(atEpochMillis);
        RecordFields.end(out, start);
    }

    /** A record that carries only the client identifier (SESSION_ENDED, DROPPED). */
    static void clientOnly(ByteBuf out, RecordType type, String clientId) {
        int start = RecordFields.begin(out, type);
        RecordFields.writeString(out, clientId);
        RecordFields.end(out, start);
    }

    /** A record about one Packet Identifier of a client (TAKEN, RELEASED, COMPLETED, INBOUND_*). */
    static void packetId(ByteBuf out, RecordType type, String clientId, int packetId) {
        int start = RecordFields.begin(out, type);
        RecordFields.writeString(out, clientId);
        out.writeShort(packetId);
        RecordFields.end(out, start);
    }

    static void subscribed(ByteBuf out, Subscription s) {
        int start = RecordFields.begin(out, RecordType.SUBSCRIBED);
        RecordFields.writeString(out, s.clientId());
        RecordFields.writeString(out, s.topicFilter());
        RecordFields.writeString(out, s.shareGroup());
        out.writeByte(s.qos().code());
        out.writeByte((s.noLocal() ? 1 : 0) | (s.retainAsPublished() ? 2 : 0));
        out.writeByte(s.retainHandling());
        out.writeInt(s.subscriptionIdentifier() == null ? 0 : s.subscriptionIdentifier());
        RecordFields.end(out, start);
    }

    static void unsubscribed(ByteBuf out, String clientId, String shareGroup, String topicFilter) {
        int start = RecordFields.begin(out, RecordType.UNSUBSCRIBED);
        RecordFields.writeString(out, clientId);
        RecordFields.writeString(out, shareGroup);
        RecordFields.writeString(out, topicFilter);
        RecordFields.end(out, start);
    }

    static void enqueued(ByteBuf out, String clientId, StoredMessage message) {
        int start = RecordFields.begin(out, RecordType.ENQUEUED);
        RecordFields.writeString(out, clientId);
        RecordFields.writeMessage(out, message);
        RecordFields.end(out, start);
    }

    static void retainedStored(ByteBuf out, String topic, long storedAtMillis, long expiryIntervalSeconds,
            byte[] publish) {
        int start = RecordFields.begin(out, RecordType.RETAINED_STORED);
        RecordFields.writeString(out, topic);
        out.writeLong(storedAtMillis);
        out.writeLong(expiryIntervalSeconds);
        RecordFields.writeBytes(out, publish);
        RecordFields.end(out, start);
    }

    static void retainedRemoved(ByteBuf out, String topic) {
        int start = RecordFields.begin(out, RecordType.RETAINED_REMOVED);
        RecordFields.writeString(out, topic);
        RecordFields.end(out, start);
    }
}
