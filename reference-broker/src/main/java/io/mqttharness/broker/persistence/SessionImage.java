package io.mqttharness.broker.persistence;

import io.mqttharness.broker.routing.Subscription;
import io.mqttharness.broker.session.Session;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the journal says about one persistent session: the replayed copy of its live {@link Session} state. Only
 * used while loading and compacting, by one thread.
 */
final class SessionImage {
    String username;
    long expirySeconds;
    /** Wall-clock time the session went offline, or -1 when it was online when the journal ended. */
    long offlineSinceMillis = -1;
    final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    final ArrayDeque<StoredMessage> queue = new ArrayDeque<>();
    final LinkedHashMap<Integer, Inflight> inflight = new LinkedHashMap<>();
    final Set<Integer> inboundAwaitingPubRel = new LinkedHashSet<>();

    SessionImage(String username, long expirySeconds) {
        this.username = username;
        this.expirySeconds = expirySeconds;
    }

    static String subscriptionKey(String shareGroup, String topicFilter) {
        // NUL cannot occur in a topic filter or ShareName (MQTT-4.7.3-2), so the key is unambiguous
        return shareGroup == null ? topicFilter : shareGroup + '\0' + topicFilter;
    }

    /**
     * Seconds left until the session expires at {@code nowMillis} (a session that was online when the broker
     * stopped counts as going offline now), {@link Session#NEVER_EXPIRES}, or 0 or less once it has expired.
     */
    long remainingExpirySeconds(long nowMillis) {
        if (expirySeconds == Session.NEVER_EXPIRES || offlineSinceMillis < 0) {
            return expirySeconds;
        }
        return expirySeconds - Math.floorDiv(nowMillis - offlineSinceMillis, 1000L);
    }

    /** An outbound message sent and not yet acknowledged. */
    static final class Inflight {
        final StoredMessage message;
        boolean released;

        Inflight(StoredMessage message) {
            this.message = message;
        }
    }
}
