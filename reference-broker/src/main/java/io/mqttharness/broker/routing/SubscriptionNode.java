package io.mqttharness.broker.routing;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One level of the {@link SubscriptionTree} trie. All fields that readers touch are volatile or concurrent, and
 * the subscription array is never modified in place (copy-on-write), so a reader always sees a complete array.
 * Every mutating method must be called with the tree's writer lock held.
 */
final class SubscriptionNode {

    private static final Subscription[] NONE = new Subscription[0];

    final SubscriptionNode parent;
    /** The level this node stands for in its parent; {@code null} for the root. */
    final String level;
    /** {@link #level} as the key of the parent's literal children; {@code null} for the root. */
    final LevelKey key;

    /** Subscriptions whose filter ends at this node, in insertion order; replaced, never mutated. */
    volatile Subscription[] subscriptions = NONE;
    /** Literal children, created on first use because most nodes (exact-filter leaves) never need one. */
    volatile ConcurrentHashMap<LevelKey, SubscriptionNode> children;
    /** The '+' and '#' children live in fields so matching never hashes a wildcard. */
    volatile SubscriptionNode plusChild;
    volatile SubscriptionNode hashChild;

    SubscriptionNode(SubscriptionNode parent, String level) {
        this.parent = parent;
        this.level = level;
        this.key = level == null ? null : LevelKey.of(level);
    }

    /** The child for a filter level, or null; {@code probe} is moved to the level for a literal lookup. */
    SubscriptionNode child(String filterLevel, LevelKey probe) {
        if (filterLevel.equals(TopicLevels.SINGLE_LEVEL_WILDCARD)) {
            return plusChild;
        }
        if (filterLevel.equals(TopicLevels.MULTI_LEVEL_WILDCARD)) {
            return hashChild;
        }
        return literalChild(probe.moveTo(filterLevel, 0, filterLevel.length()));
    }

    /** The literal child for a level, or null; the hot path of matching, with a reused probe key. */
    SubscriptionNode literalChild(LevelKey level) {
        ConcurrentHashMap<LevelKey, SubscriptionNode> map = children;
        return map == null ? null : map.get(level);
    }

    /** Writer only: the child for a filter level, created when missing. */
    SubscriptionNode getOrCreateChild(String filterLevel, LevelKey probe) {
        SubscriptionNode existing = child(filterLevel, probe);
        if (existing != null) {
            return existing;
        }
        SubscriptionNode created = new SubscriptionNode(this, filterLevel);
        if (filterLevel.equals(TopicLevels.SINGLE_LEVEL_WILDCARD)) {
            plusChild = created;
        } else if (filterLevel.equals(TopicLevels.MULTI_LEVEL_WILDCARD)) {
            hashChild = created;
        } else {
            ConcurrentHashMap<LevelKey, SubscriptionNode> map = children;
            if (map == null) {
                map = new ConcurrentHashMap<>(4);
                children = map;
            }
            map.put(created.key, created);
        }
        return created;
    }

    /** Writer only: detaches an empty child so that churn does not leave dead branches behind. */
    void removeChild(SubscriptionNode child) {
        if (child == plusChild) {
            plusChild = null;
        } else if (child == hashChild) {
            hashChild = null;
        } else {
            ConcurrentHashMap<LevelKey, SubscriptionNode> map = children;
            if (map != null) {
                map.remove(child.key, child);
                if (map.isEmpty()) {
                    children = null;
                }
            }
        }
    }

    boolean isEmpty() {
        ConcurrentHashMap<LevelKey, SubscriptionNode> map = children;
        return subscriptions.length == 0 && plusChild == null && hashChild == null && (map == null || map.isEmpty());
    }

    /** Writer only: adds or replaces the subscription of the same (clientId, shareGroup); returns the replaced one. */
    Subscription put(Subscription subscription) {
        Subscription[] current = subscriptions;
        int index = indexOf(current, subscription.clientId(), subscription.shareGroup());
        Subscription[] next;
        Subscription replaced = null;
        if (index >= 0) {
            replaced = current[index];
            next = current.clone();
            next[index] = subscription;
        } else {
            next = Arrays.copyOf(current, current.length + 1);
            next[current.length] = subscription;
        }
        subscriptions = next;
        return replaced;
    }

    /** Writer only: removes the subscription of (clientId, shareGroup); returns it or null. */
    Subscription remove(String clientId, String shareGroup) {
        Subscription[] current = subscriptions;
        int index = indexOf(current, clientId, shareGroup);
        if (index < 0) {
            return null;
        }
        Subscription removed = current[index];
        if (current.length == 1) {
            subscriptions = NONE;
        } else {
            Subscription[] next = new Subscription[current.length - 1];
            System.arraycopy(current, 0, next, 0, index);
            System.arraycopy(current, index + 1, next, index, current.length - index - 1);
            subscriptions = next;
        }
        return removed;
    }

    /** Linear search: the array is copied on every write anyway, so a side index would not change the cost order. */
    private static int indexOf(Subscription[] array, String clientId, String shareGroup) {
        for (int i = 0; i < array.length; i++) {
            Subscription s = array[i];
            if (s.clientId().equals(clientId) && Objects.equals(s.shareGroup(), shareGroup)) {
                return i;
            }
        }
        return -1;
    }

    /** Number of nodes in this subtree including this one (diagnostics and tests; not for hot paths). */
    int countNodes() {
        int count = 0;
        ArrayDeque<SubscriptionNode> pending = new ArrayDeque<>();
        pending.push(this);
        while (!pending.isEmpty()) {
            SubscriptionNode node = pending.pop();
            count++;
            ConcurrentHashMap<LevelKey, SubscriptionNode> map = node.children;
            if (map != null) {
                map.values().forEach(pending::push);
            }
            if (node.plusChild != null) {
                pending.push(node.plusChild);
            }
            if (node.hashChild != null) {
                pending.push(node.hashChild);
            }
        }
        return count;
    }
}
