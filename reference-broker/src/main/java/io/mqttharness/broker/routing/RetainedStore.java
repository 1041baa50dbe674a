package io.mqttharness.broker.routing;

import io.mqttharness.codec.packet.MqttPublish;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Thread-safe store of retained messages, one per topic name (MQTT-3.3.1-5), indexed twice: a map by exact
 * topic name (O(1) for filters without wildcards, {@link #all()} and {@link #size()}) and a trie by topic level,
 * so that a wildcard filter only visits the branches it can match. Only a filter whose first level is '+' or
 * '#' visits every first-level branch.
 *
 * <p>Concurrency follows {@link SubscriptionTree}: readers take no lock (concurrent maps, volatile message
 * slots), writers are serialised by one lock so that storing and pruning a branch never interleave.
 *
 * <p>A retained PUBLISH with an empty payload removes the topic's message and is never stored itself
 * (MQTT 3.1.1: MQTT-3.3.1-10 and MQTT-3.3.1-11; MQTT 5.0: MQTT-3.3.1-6 and MQTT-3.3.1-7). Messages whose
 * Message Expiry Interval has passed are dropped lazily by {@link #match} or eagerly by
 * {@link #purgeExpired} (MQTT 5 section 3.3.2.3.3).
 */
public final class RetainedStore {

    private final RetainedNode root = new RetainedNode(null, null);
    private final ConcurrentHashMap<String, RetainedMessage> byTopic = new ConcurrentHashMap<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile ChangeListener changeListener;

    /**
     * Told of every message stored and every topic cleared by a PUBLISH, under the writer lock so that the calls
     * come in the order of the changes (persistence replays them). Expiry removals are not reported: they
     * follow from the stored time. Must be quick and must not call back into the store.
     */
    public interface ChangeListener {
        void stored(RetainedMessage message);

        void removed(String topicName);
    }

    /** Sets the listener of changes (null for none); set it after restoring the messages it already knows. */
    public void changeListener(ChangeListener listener) {
        changeListener = listener;
    }

    /**
     * Stores the message as the topic's retained message, replacing any previous one; with an empty payload,
     * clears the topic instead. The caller decides that the PUBLISH is retained (RETAIN flag set).
     *
     * @throws IllegalArgumentException when the topic name is empty (an unresolved Topic Alias), contains a
     *     wildcard or NUL
     */
    public void put(MqttPublish publish, long nowNanos) {
        Objects.requireNonNull(publish, "publish");
        String topic = publish.topic();
        if (topic.isEmpty()) {
            throw new IllegalArgumentException(
                    "cannot retain a PUBLISH with an empty topic name: resolve its Topic Alias first");
        }
        String[] levels = TopicLevels.splitTopicName(topic);
        if (publish.payload().length == 0) {
            remove(topic);
            return;
        }
        RetainedMessage message = new RetainedMessage(publish, nowNanos);
        writeLock.lock();
        try {
            RetainedNode node = root;
            for (String level : levels) {
                node = node.getOrCreateChild(level);
            }
            node.message = message;
            byTopic.put(topic, message);
            ChangeListener listener = changeListener;
            if (listener != null) {
                listener.stored(message);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Removes the retained message of a topic; returns it or null. */
    public RetainedMessage remove(String topicName) {
        Objects.requireNonNull(topicName, "topicName");
        writeLock.lock();
        try {
            RetainedMessage removed = removeLocked(topicName, null);
            ChangeListener listener = changeListener;
            if (removed != null && listener != null) {
                listener.removed(topicName);
            }
            return removed;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * The retained messages whose topic matches a (non-shared) topic filter, as sent on a new subscription
     * (MQTT 3.1.1 MQTT-3.3.1-6; MQTT 5 section 3.3.1.3). Expired messages are removed, not returned. Topics
     * beginning with '$' are not matched by a filter beginning with a wildcard (MQTT-4.7.2-1).
     *
     * @throws IllegalArgumentException when the filter is not a valid topic filter
     */
    public List<RetainedMessage> match(String topicFilter, long nowNanos) {
        String[] levels = TopicLevels.splitFilter(topicFilter);
        List<RetainedMessage> found = new ArrayList<>();
        if (!TopicLevels.hasWildcard(topicFilter)) {
            RetainedMessage message = byTopic.get(topicFilter);
            if (message != null) {
                found.add(message);
            }
        } else {
            collect(levels, found);
        }
        List<RetainedMessage> expired = null;
        for (RetainedMessage message : found) {
            if (message.isExpired(nowNanos)) {
                expired = expired == null ? new ArrayList<>() : expired;
                expired.add(message);
            }
        }
        if (expired != null) {
            found.removeAll(expired);
            removeAll(expired);
        }
        return found;
    }

    /** A snapshot of every stored message, including ones that have expired but not been purged yet. */
    public Collection<RetainedMessage> all() {
        return List.copyOf(byTopic.values());
    }

    /** Number of stored messages. */
    public int size() {
        return byTopic.size();
    }

    /** Removes every expired message (for a periodic sweep); returns how many were removed. */
    public int purgeExpired(long nowNanos) {
        List<RetainedMessage> expired = new ArrayList<>();
        for (RetainedMessage message : byTopic.values()) {
            if (message.isExpired(nowNanos)) {
                expired.add(message);
            }
        }
        return removeAll(expired);
    }

    /** Number of trie nodes including the root; 1 when empty. Proves pruning in tests. */
    int nodeCount() {
        int count = 0;
        ArrayDeque<RetainedNode> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            RetainedNode node = pending.pop();
            count++;
            Map<String, RetainedNode> children = node.children;
            if (children != null) {
                children.values().forEach(pending::push);
            }
        }
        return count;
    }

    /** Walks the trie along a wildcard filter; iterative because topics can be tens of thousands of levels deep. */
    private void collect(String[] levels, List<RetainedMessage> found) {
        ArrayDeque<RetainedNode> nodes = new ArrayDeque<>();
        ArrayDeque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(0);
        while (!nodes.isEmpty()) {
            RetainedNode node = nodes.pop();
            int depth = depths.pop();
            if (depth == levels.length) {
                addIfPresent(node.message, found);
                continue;
            }
            String level = levels[depth];
            if (level.equals(TopicLevels.MULTI_LEVEL_WILDCARD)) {
                collectSubtree(node, found); // '#' includes the parent level itself
            } else if (level.equals(TopicLevels.SINGLE_LEVEL_WILDCARD)) {
                Map<String, RetainedNode> children = node.children;
                if (children != null) {
                    for (RetainedNode child : children.values()) {
                        if (!child.isDollarRootLevel()) {
                            nodes.push(child);
                            depths.push(depth + 1);
                        }
                    }
                }
            } else {
                RetainedNode child = node.child(level);
                if (child != null) {
                    nodes.push(child);
                    depths.push(depth + 1);
                }
            }
        }
    }

    private static void collectSubtree(RetainedNode start, List<RetainedMessage> found) {
        ArrayDeque<RetainedNode> pending = new ArrayDeque<>();
        pending.push(start);
        while (!pending.isEmpty()) {
            RetainedNode node = pending.pop();
            addIfPresent(node.message, found);
            Map<String, RetainedNode> children = node.children;
            if (children != null) {
                for (RetainedNode child : children.values()) {
                    if (!child.isDollarRootLevel()) {
                        pending.push(child);
                    }
                }
            }
        }
    }

    private static void addIfPresent(RetainedMessage message, List<RetainedMessage> found) {
        if (message != null) {
            found.add(message);
        }
    }

    private int removeAll(List<RetainedMessage> messages) {
        if (messages.isEmpty()) {
            return 0;
        }
        int removed = 0;
        writeLock.lock();
        try {
            for (RetainedMessage message : messages) {
                if (removeLocked(message.topic(), message) != null) {
                    removed++;
                }
            }
        } finally {
            writeLock.unlock();
        }
        return removed;
    }

    /**
     * Writer lock held. Removes the topic's message, only if it is still {@code expected} when that is non-null
     * (a newer message stored meanwhile must survive an expiry sweep), and prunes the emptied branch.
     */
    private RetainedMessage removeLocked(String topicName, RetainedMessage expected) {
        RetainedNode node = root;
        for (String level : TopicLevels.split(topicName)) {
            node = node.child(level);
            if (node == null) {
                return null;
            }
        }
        RetainedMessage current = node.message;
        if (current == null || (expected != null && current != expected)) {
            return null;
        }
        node.message = null;
        byTopic.remove(topicName, current);
        while (node.parent != null && node.isEmpty()) {
            node.parent.removeChild(node);
            node = node.parent;
        }
        return current;
    }
}
