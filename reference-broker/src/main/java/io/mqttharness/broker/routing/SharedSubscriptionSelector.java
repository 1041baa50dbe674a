package io.mqttharness.broker.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Chooses the one session per shared subscription that receives a message (MQTT 5 section 4.8.2: each message
 * goes to only one session of a group, and the choice is the Server's). A shared subscription is identified by
 * (ShareName, Topic Filter); several groups matching the same message each get their own pick.
 *
 * <p>Policy: round robin over the members in the order {@link SubscriptionTree#match} returns them (insertion
 * order at the filter's node), skipping members whose client is offline; if no member is online the message
 * goes round robin to an offline member, whose session will queue it. The cursor is advanced past the chosen
 * member with a compare-and-set, so concurrent publishers never block each other; under contention two
 * messages may occasionally go to the same member, which is acceptable for load balancing.
 *
 * <p>Cursors are kept per group. So that group churn cannot grow memory without bound, all cursors are dropped
 * when more than {@link #DEFAULT_MAX_GROUPS} groups are tracked; this only resets round-robin positions.
 */
public final class SharedSubscriptionSelector {

    /** Tracked groups beyond which the cursors are reset. */
    public static final int DEFAULT_MAX_GROUPS = 65_536;

    private final ConcurrentHashMap<GroupKey, AtomicInteger> cursors = new ConcurrentHashMap<>();
    private final int maxGroups;

    private record GroupKey(String shareGroup, String topicFilter) {
    }

    public SharedSubscriptionSelector() {
        this(DEFAULT_MAX_GROUPS);
    }

    /** A selector that resets its cursors when more than {@code maxGroups} groups are tracked. */
    public SharedSubscriptionSelector(int maxGroups) {
        if (maxGroups < 1) {
            throw new IllegalArgumentException("maxGroups must be at least 1, got " + maxGroups);
        }
        this.maxGroups = maxGroups;
    }

    /**
     * Returns every non-shared match unchanged, followed by one chosen member per (shareGroup, topicFilter).
     *
     * @param matches the result of {@link SubscriptionTree#match}
     * @param isOnlineClientId tells whether a client currently has a network connection; null means "all online"
     */
    public List<Subscription> select(List<Subscription> matches, Predicate<String> isOnlineClientId) {
        Objects.requireNonNull(matches, "matches");
        Map<GroupKey, List<Subscription>> groups = null;
        List<Subscription> out = null;
        for (int i = 0; i < matches.size(); i++) {
            Subscription s = matches.get(i);
            if (s.isShared()) {
                if (groups == null) {
                    groups = new LinkedHashMap<>();
                    out = new ArrayList<>(matches.size());
                    for (int j = 0; j < i; j++) {
                        out.add(matches.get(j));
                    }
                }
                groups.computeIfAbsent(new GroupKey(s.shareGroup(), s.topicFilter()), k -> new ArrayList<>(4)).add(s);
            } else if (out != null) {
                out.add(s);
            }
        }
        if (groups == null) {
            return matches; // nothing shared: the common case allocates nothing
        }
        Predicate<String> online = isOnlineClientId == null ? id -> true : isOnlineClientId;
        for (Map.Entry<GroupKey, List<Subscription>> group : groups.entrySet()) {
            out.add(choose(group.getKey(), group.getValue(), online));
        }
        return out;
    }

    /** Number of groups with a round-robin cursor (tests and diagnostics). */
    public int trackedGroups() {
        return cursors.size();
    }

    private Subscription choose(GroupKey key, List<Subscription> members, Predicate<String> online) {
        int n = members.size();
        if (n == 1) {
            return members.get(0);
        }
        AtomicInteger cursor = cursors.get(key);
        if (cursor == null) {
            if (cursors.size() >= maxGroups) {
                cursors.clear();
            }
            cursor = cursors.computeIfAbsent(key, k -> new AtomicInteger());
        }
        while (true) {
            int current = cursor.get();
            int start = Math.floorMod(current, n); // membership may have changed since the cursor was set
            int chosen = start;
            for (int k = 0; k < n; k++) {
                int index = (start + k) % n;
                if (online.test(members.get(index).clientId())) {
                    chosen = index;
                    break;
                }
            }
            if (cursor.compareAndSet(current, (chosen + 1) % n)) {
                return members.get(chosen);
            }
        }
    }
}
