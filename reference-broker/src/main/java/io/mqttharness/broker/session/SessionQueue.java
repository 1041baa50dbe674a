package io.mqttharness.broker.session;

import io.mqttharness.broker.delivery.QueuedMessage;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * The messages of one session that wait to be sent (not yet in flight), in order, with their payload bytes
 * counted so that both {@code max_queued_messages} and {@code max_queued_bytes} can bound it. Keeps the broker-wide
 * {@code $SYS/broker/store/messages/count} and {@code .../bytes} up to date. Not thread safe: the owning
 * {@link Session} guards it with its lock.
 */
final class SessionQueue implements Iterable<QueuedMessage> {
    private final ArrayDeque<QueuedMessage> messages = new ArrayDeque<>();
    private final QueuePolicy policy;
    private long bytes;

    SessionQueue(QueuePolicy policy) {
        this.policy = policy;
    }

    /** What a message costs against {@code max_queued_bytes}: its payload, as mosquitto counts it. */
    static long sizeOf(QueuedMessage message) {
        return message.publish().payload().length;
    }

    /** Whether adding {@code message} would pass one of the limits. */
    boolean wouldOverflow(QueuedMessage message) {
        return (policy.maxQueued() > 0 && messages.size() >= policy.maxQueued())
                || (policy.maxQueuedBytes() > 0 && bytes + sizeOf(message) > policy.maxQueuedBytes());
    }

    void add(QueuedMessage message) {
        messages.addLast(message);
        account(1, sizeOf(message));
    }

    void addAll(List<QueuedMessage> restored) {
        for (QueuedMessage m : restored) {
            add(m);
        }
    }

    QueuedMessage peek() {
        return messages.peekFirst();
    }

    /** Removes and returns the oldest message, or null. */
    QueuedMessage poll() {
        QueuedMessage m = messages.pollFirst();
        if (m != null) {
            account(-1, -sizeOf(m));
        }
        return m;
    }

    /** Drops everything; returns how many messages were dropped. */
    int clear() {
        int count = messages.size();
        account(-count, -bytes);
        messages.clear();
        return count;
    }

    int size() {
        return messages.size();
    }

    long bytes() {
        return bytes;
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    @Override
    public Iterator<QueuedMessage> iterator() {
        return messages.iterator();
    }

    private void account(int count, long payloadBytes) {
        bytes += payloadBytes;
        policy.stats().queued(count);
        policy.stats().queuedBytes(payloadBytes);
    }
}
