package io.mqttharness.broker.persistence;

import io.mqttharness.broker.delivery.QueuedMessage;
import io.mqttharness.broker.routing.RetainedMessage;
import io.mqttharness.broker.routing.RetainedStore;
import io.mqttharness.broker.routing.Subscription;
import io.mqttharness.broker.session.SessionJournal;
import io.mqttharness.codec.packet.MqttPublish;
import io.netty.buffer.ByteBuf;
import java.util.function.Consumer;

/**
 * Turns session and retained-store changes into journal records. Called under the lock of the session (or the
 * retained store) that changed, so it only encodes and appends; the expensive part, encoding the PUBLISH, happens
 * before the journal's append lock is taken, and is done once per message even when it is queued for many
 * sessions (the router hands the same {@link MqttPublish} instance to each).
 */
final class JournalingListener implements SessionJournal, RetainedStore.ChangeListener {
    private final JournalWriter writer;
    /** The last PUBLISH this thread encoded and its bytes: a fan-out encodes once. */
    private final ThreadLocal<Object[]> lastEncoded = ThreadLocal.withInitial(() -> new Object[2]);

    JournalingListener(JournalWriter writer) {
        this.writer = writer;
    }

    private byte[] encode(MqttPublish publish) {
        Object[] cache = lastEncoded.get();
        if (cache[0] != publish) {
            cache[1] = PublishBytes.encode(publish);
            cache[0] = publish;
        }
        return (byte[]) cache[1];
    }

    @Override
    public void created(String clientId, String username, long expirySeconds) {
        append(out -> RecordEncoder.session(out, RecordType.SESSION_CREATED, clientId, username, expirySeconds));
    }

    @Override
    public void resumed(String clientId, String username, long expirySeconds) {
        append(out -> RecordEncoder.session(out, RecordType.SESSION_RESUMED, clientId, username, expirySeconds));
    }

    @Override
    public void wentOffline(String clientId, long expirySeconds, long atEpochMillis) {
        append(out -> RecordEncoder.offline(out, clientId, expirySeconds, atEpochMillis));
    }

    @Override
    public void ended(String clientId) {
        clientOnly(RecordType.SESSION_ENDED, clientId);
    }

    @Override
    public void subscribed(Subscription subscription) {
        append(out -> RecordEncoder.subscribed(out, subscription));
    }

    @Override
    public void unsubscribed(String clientId, String shareGroup, String topicFilter) {
        append(out -> RecordEncoder.unsubscribed(out, clientId, shareGroup, topicFilter));
    }

    @Override
    public void enqueued(String clientId, QueuedMessage message) {
        Clocks clocks = Clocks.now();
        Long interval = message.publish().properties().messageExpiryInterval();
        StoredMessage stored = new StoredMessage(encode(message.publish()), message.qos(), message.retain(),
                message.subscriptionIdentifiers(), clocks.toEpochMillis(message.receivedAtNanos()),
                interval == null ? -1 : interval);
        append(out -> RecordEncoder.enqueued(out, clientId, stored));
    }

    @Override
    public void taken(String clientId, int packetId) {
        packetId(RecordType.TAKEN, clientId, packetId);
    }

    @Override
    public void dropped(String clientId) {
        clientOnly(RecordType.DROPPED, clientId);
    }

    @Override
    public void released(String clientId, int packetId) {
        packetId(RecordType.RELEASED, clientId, packetId);
    }

    @Override
    public void completed(String clientId, int packetId) {
        packetId(RecordType.COMPLETED, clientId, packetId);
    }

    @Override
    public void inboundAwaitingPubRel(String clientId, int packetId) {
        packetId(RecordType.INBOUND_AWAITING_PUBREL, clientId, packetId);
    }

    @Override
    public void inboundReleased(String clientId, int packetId) {
        packetId(RecordType.INBOUND_RELEASED, clientId, packetId);
    }

    @Override
    public void stored(RetainedMessage message) {
        if (isBrokerStatistics(message.topic())) {
            return;
        }
        MqttPublish publish = message.publish();
        byte[] bytes = encode(publish);
        Long interval = publish.properties().messageExpiryInterval();
        long storedAt = Clocks.now().toEpochMillis(message.storedAtNanos());
        long expiry = interval == null ? -1 : interval;
        append(out -> RecordEncoder.retainedStored(out, message.topic(), storedAt, expiry, bytes));
    }

    @Override
    public void removed(String topicName) {
        if (isBrokerStatistics(topicName)) {
            return;
        }
        append(out -> RecordEncoder.retainedRemoved(out, topicName));
    }

    /** Appends one record under the journal's append lock; {@code record} only encodes into the buffer. */
    private void append(Consumer<ByteBuf> record) {
        ByteBuf out = writer.lock();
        try {
            record.accept(out);
        } finally {
            writer.unlock();
        }
    }

    /** {@code $SYS} values are republished every interval and meaningless after a restart: not kept. */
    private static boolean isBrokerStatistics(String topic) {
        return topic.startsWith("$SYS/");
    }

    private void clientOnly(RecordType type, String clientId) {
        append(out -> RecordEncoder.clientOnly(out, type, clientId));
    }

    private void packetId(RecordType type, String clientId, int packetId) {
        append(out -> RecordEncoder.packetId(out, type, clientId, packetId));
    }
}
