package io.mqttharness.broker.routing;

import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Thread-safe subscription index: a trie with one node per filter level, where each node has literal children
 * plus dedicated '+' and '#' children. {@link #match} walks only the branches a topic can reach (the literal
 * level, '+' and '#' at each level), so its cost depends on the topic depth and on the matching filters, not on
 * how many unrelated subscriptions exist.
 *
 * <p><b>Concurrency.</b> Matching happens on every PUBLISH from many event-loop threads, subscribing is far
 * rarer. Readers therefore take no lock at all: children are {@link ConcurrentHashMap}s (or volatile fields for
 * the wildcards) and the subscriptions of a node are an immutable array replaced on write (copy-on-write), so a
 * reader sees either the old or the new array, never a half-written one. Writers are serialised by one
 * {@link ReentrantLock}: an insert and the pruning of the same empty branch can then never interleave (with
 * per-node locks a prune could detach a node that a concurrent subscribe has just descended into, losing the
 * subscription). A write is O(filter depth + subscribers on that one filter), so the lock is held only briefly.
 * A match running concurrently with a write sees a state before or after that write.
 *
 * <p>Empty nodes are pruned on every removal, so memory follows the live subscriptions, not the churn.
 *
 * <p>Matching rules (section 4.7 of MQTT 3.1.1 and 5.0): '#' matches its parent level and any number of child
 * levels; '+' matches exactly one level, which may be empty; levels are compared exactly (no normalisation,
 * MQTT-4.7.3-4); topics beginning with '$' are not matched by filters beginning with '+' or '#' (MQTT-4.7.2-1).
 */
public final class SubscriptionTree {

    private final SubscriptionNode root = new SubscriptionNode(null, null);
    private final ReentrantLock writeLock = new ReentrantLock();
    /** The probe key of the writers' trie walks; guarded by {@link #writeLock}. */
    private final LevelKey writerProbe = LevelKey.probe();
    /** clientId -> (shareGroup, topicFilter) -> subscription, for per-session lookups without walking the trie. */
    private final ConcurrentHashMap<String, ConcurrentHashMap<FilterKey, Subscription>> byClient = new ConcurrentHashMap<>();
    private volatile int size;

    /** Identity of a subscription within one session. */
    private record FilterKey(String shareGroup, String topicFilter) {
    }

    /**
     * Adds a subscription, or replaces the one with the same clientId, shareGroup and topicFilter (a repeated
     * SUBSCRIBE replaces the existing subscription, MQTT-3.8.4-3).
     *
     * @return the replaced subscription, or null when it is new
     */
    public Subscription subscribe(Subscription subscription) {
        Objects.requireNonNull(subscription, "subscription");
        String[] levels = TopicLevels.split(subscription.topicFilter()); // the record has validated the filter
        writeLock.lock();
        try {
            SubscriptionNode node = root;
            for (String level : levels) {
                node = node.getOrCreateChild(level, writerProbe);
            }
            Subscription replaced = node.put(subscription);
            byClient.computeIfAbsent(subscription.clientId(), id -> new ConcurrentHashMap<>())
                    .put(new FilterKey(subscription.shareGroup(), subscription.topicFilter()), subscription);
            if (replaced == null) {
                size++;
            }
            return replaced;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Removes one subscription.
     *
     * @param shareGroup null for a non-shared subscription
     * @return the removed subscription, or null when there was none
     */
    public Subscription unsubscribe(String clientId, String shareGroup, String topicFilter) {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(topicFilter, "topicFilter");
        writeLock.lock();
        try {
            Subscription removed = removeFromTrie(clientId, shareGroup, topicFilter);
            if (removed != null) {
                Map<FilterKey, Subscription> own = byClient.get(clientId);
                if (own != null) {
                    own.remove(new FilterKey(shareGroup, topicFilter));
                    if (own.isEmpty()) {
                        byClient.remove(clientId);
                    }
                }
            }
            return removed;
        } finally {
            writeLock.unlock();
        }
    }

    /** Removes every subscription of a session (session end or Clean Start); returns what was removed. */
    public List<Subscription> removeAllOf(String clientId) {
        Objects.requireNonNull(clientId, "clientId");
        writeLock.lock();
        try {
            Map<FilterKey, Subscription> own = byClient.remove(clientId);
            if (own == null) {
                return List.of();
            }
            List<Subscription> removed = new ArrayList<>(own.size());
            for (FilterKey key : own.keySet()) {
                Subscription s = removeFromTrie(clientId, key.shareGroup(), key.topicFilter());
                if (s != null) {
                    removed.add(s);
                }
            }
            return removed;
        } finally {
            writeLock.unlock();
        }
    }

    /** A snapshot of the subscriptions of one session, in no particular order. */
    public List<Subscription> subscriptionsOf(String clientId) {
        Objects.requireNonNull(clientId, "clientId");
        Map<FilterKey, Subscription> own = byClient.get(clientId);
        return own == null ? List.of() : List.copyOf(own.values());
    }

    /**
     * Every subscription, shared and non-shared, whose filter matches the topic name. A session with several
     * matching filters appears once per filter; choosing among shared-group members is
     * {@link SharedSubscriptionSelector}'s job.
     *
     * @throws IllegalArgumentException when the topic name is empty or contains a wildcard or NUL
     */
    public List<Subscription> match(String topicName) {
        int levelCount = TopicLevels.countTopicNameLevels(topicName);
        boolean dollarTopic = TopicLevels.isDollarTopic(topicName);
        int afterLastLevel = topicName.length() + 1; // the start offset once every level is consumed
        MatchStack stack = MatchStack.forThisThread(levelCount + 2);
        LevelKey probe = stack.probe;
        SubscriptionNode[] nodes = stack.nodes;
        int[] starts = stack.starts;
        List<Subscription> out = null;
        // Explicit stack instead of recursion: topics may have tens of thousands of levels.
        // Depth-first with at most two pushes per level keeps the stack below levels + 2 entries. Each entry
        // holds the offset in the topic name where its next level starts, so no level is ever cut out.
        nodes[0] = root;
        starts[0] = 0;
        int top = 1;
        int highWater = 1;
        while (top > 0) {
            top--;
            SubscriptionNode node = nodes[top];
            int start = starts[top];
            if (start == afterLastLevel) {
                out = addAll(out, node.subscriptions);
                SubscriptionNode hash = node.hashChild; // "a/#" also matches "a"
                if (hash != null) {
                    out = addAll(out, hash.subscriptions);
                }
                continue;
            }
            int levelEnd = topicName.indexOf(TopicLevels.SEPARATOR, start);
            if (levelEnd < 0) {
                levelEnd = topicName.length();
            }
            if (start > 0 || !dollarTopic) {
                SubscriptionNode hash = node.hashChild;
                if (hash != null) {
                    out = addAll(out, hash.subscriptions);
                }
                SubscriptionNode plus = node.plusChild;
                if (plus != null) {
                    nodes[top] = plus;
                    starts[top] = levelEnd + 1;
                    top++;
                }
            }
            SubscriptionNode literal = node.literalChild(probe.moveTo(topicName, start, levelEnd));
            if (literal != null) {
                nodes[top] = literal;
                starts[top] = levelEnd + 1;
                top++;
            }
            highWater = Math.max(highWater, top);
        }
        stack.release(highWater);
        return out == null ? List.of() : out;
    }

    /**
     * The working arrays of {@link #match}, one set per thread: matching runs for every PUBLISH and would
     * otherwise allocate them each time. Topics deeper than {@link #KEPT_DEPTH} levels get arrays of their own,
     * so one very deep topic does not pin a large array to an event loop for good.
     */
    private static final class MatchStack {
        private static final int KEPT_DEPTH = 256;
        private static final FastThreadLocal<MatchStack> PER_THREAD = new FastThreadLocal<>() {
            @Override
            protected MatchStack initialValue() {
                return new MatchStack(16);
            }
        };

        final LevelKey probe = LevelKey.probe();
        SubscriptionNode[] nodes;
        int[] starts;

        private MatchStack(int capacity) {
            nodes = new SubscriptionNode[capacity];
            starts = new int[capacity];
        }

        static MatchStack forThisThread(int capacity) {
            if (capacity > KEPT_DEPTH) {
                return new MatchStack(capacity);
            }
            MatchStack stack = PER_THREAD.get();
            if (stack.nodes.length < capacity) {
                stack.nodes = new SubscriptionNode[capacity];
                stack.starts = new int[capacity];
            }
            return stack;
        }

        /** Drops the node references up to the highest slot used, so that pruned nodes can be collected. */
        void release(int highWater) {
            Arrays.fill(nodes, 0, highWater, null);
            probe.moveTo("", 0, 0);
        }
    }

    /** Number of stored subscriptions. */
    public int size() {
        return size;
    }

    /** Number of trie nodes including the root; 1 when empty. Proves pruning in tests; walks the whole trie. */
    int nodeCount() {
        return root.countNodes();
    }

    /**
     * Most topics match one node's subscriptions only, so the first hit becomes an immutable list (for one
     * subscription a single small object) and only a second hit pays for a growable copy.
     */
    private static List<Subscription> addAll(List<Subscription> out, Subscription[] subscriptions) {
        if (subscriptions.length == 0) {
            return out;
        }
        if (out == null) {
            return List.of(subscriptions);
        }
        List<Subscription> target = out;
        if (!(target instanceof ArrayList)) {
            target = new ArrayList<>(out.size() + subscriptions.length + 2);
            target.addAll(out);
        }
        Collections.addAll(target, subscriptions);
        return target;
    }

    /** Writer lock held. Removes from the trie only and prunes the branch; does not touch byClient. */
    private Subscription removeFromTrie(String clientId, String shareGroup, String topicFilter) {
        SubscriptionNode node = root;
        for (String level : TopicLevels.split(topicFilter)) {
            node = node.child(level, writerProbe);
            if (node == null) {
                return null;
            }
        }
        Subscription removed = node.remove(clientId, shareGroup);
        if (removed == null) {
            return null;
        }
        size--;
        while (node.parent != null && node.isEmpty()) {
            node.parent.removeChild(node);
            node = node.parent;
        }
        return removed;
    }
}
