package io.mqttharness.broker.delivery;

import io.mqttharness.broker.routing.RetainedStore;
import io.mqttharness.broker.routing.SharedSubscriptionSelector;
import io.mqttharness.broker.routing.Subscription;
import io.mqttharness.broker.routing.SubscriptionTree;
import io.mqttharness.broker.security.BrokerSecurity;
import io.mqttharness.broker.session.Session;
import io.mqttharness.broker.session.SessionStore;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.packet.MqttPublish;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Routes one application message to the sessions whose subscriptions match it, and keeps the retained store up
 * to date. Thread safe: called from every event loop and the timer.
 *
 * <p><b>Overlapping subscriptions.</b> A client whose non-shared subscriptions overlap gets one copy of the
 * message, with the maximum QoS of the matching subscriptions (MQTT-3.3.5-1 in 3.1.1, MQTT-3.3.4-2 in 5.0),
 * every matching Subscription Identifier (MQTT-3.3.4-3..5 in 5.0) and RETAIN kept if any matching subscription
 * has Retain As Published. A subscription with No Local does not count for the publishing client itself
 * (MQTT-3.8.3-3 in 5.0). Each matching shared subscription group delivers one more copy to the member it picks
 * (MQTT 5.0 section 4.8.2).
 */
public final class MessageRouter {
    /** Up to this many matches, a client's overlapping subscriptions are merged by a linear search, not a map. */
    private static final int LINEAR_MERGE_LIMIT = 16;
    private final SubscriptionTree subscriptions;
    private final SharedSubscriptionSelector sharedSelector;
    private final RetainedStore retained;
    private final SessionStore sessions;
    private final BrokerSecurity security;
    private final boolean retainAvailable;
    /** Held once: a method reference created per message would be one more allocation on the hot path. */
    private final Predicate<String> isOnline = this::isOnline;

    public MessageRouter(SubscriptionTree subscriptions, SharedSubscriptionSelector sharedSelector,
            RetainedStore retained, SessionStore sessions, BrokerSecurity security, boolean retainAvailable) {
        this.subscriptions = subscriptions;
        this.sharedSelector = sharedSelector;
        this.retained = retained;
        this.sessions = sessions;
        this.security = security;
        this.retainAvailable = retainAvailable;
    }

    /**
     * Publishes a message: stores or clears it as retained when its RETAIN flag is set (MQTT-3.3.1-5..7 in 5.0)
     * and queues a copy for each matching session.
     *
     * @param publish the message, topic resolved and without Topic Alias
     * @param publisherClientId the client that published it (for No Local), or null for the broker itself
     * @return the number of sessions the message was queued for
     */
    public int route(MqttPublish publish, String publisherClientId, long nowNanos) {
        if (publish.retain() && retainAvailable) {
            retained.put(publish, nowNanos);
        }
        List<Subscription> matches = sharedSelector.select(subscriptions.match(publish.topic()), isOnline);
        if (matches.size() == 1) {
            // one subscriber per topic is the usual shape of a device fleet: no merging, nothing to allocate
            Subscription s = matches.get(0);
            if (excludedByNoLocal(s, publisherClientId)) {
                return 0;
            }
            Integer id = s.subscriptionIdentifier();
            return deliver(s.clientId(), publish, s.qos(), s.retainAsPublished(), id == null ? List.of() : List.of(id),
                    nowNanos);
        }
        List<Target> targets = new ArrayList<>(matches.size());
        Map<String, Target> byClient = matches.size() > LINEAR_MERGE_LIMIT ? new HashMap<>() : null;
        for (Subscription s : matches) {
            if (s.isShared()) {
                targets.add(new Target(s.clientId(), true).add(s));
            } else if (!excludedByNoLocal(s, publisherClientId)) {
                Target t = byClient != null ? byClient.get(s.clientId()) : findNonShared(targets, s.clientId());
                if (t == null) {
                    t = new Target(s.clientId(), false);
                    targets.add(t);
                    if (byClient != null) {
                        byClient.put(s.clientId(), t);
                    }
                }
                t.add(s);
            }
        }
        int delivered = 0;
        for (Target t : targets) {
            delivered += deliver(t.clientId, publish, t.maxQos, t.retainAsPublished, t.subscriptionIds, nowNanos);
        }
        return delivered;
    }

    /** A non-shared subscription with No Local does not get its own client's messages (MQTT-3.8.3-3 in 5.0). */
    private static boolean excludedByNoLocal(Subscription s, String publisherClientId) {
        return !s.isShared() && s.noLocal() && s.clientId().equals(publisherClientId);
    }

    private static Target findNonShared(List<Target> targets, String clientId) {
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            if (!t.shared && t.clientId.equals(clientId)) {
                return t;
            }
        }
        return null;
    }

    private int deliver(String clientId, MqttPublish publish, MqttQos maxQos, boolean retainAsPublished,
            List<Integer> subscriptionIds, long nowNanos) {
        Session session = sessions.get(clientId);
        if (session == null || !security.canReceive(clientId, session.username(), publish.topic())) {
            return 0;
        }
        MqttQos qos = MqttQos.min(publish.qos(), maxQos);
        boolean retain = publish.retain() && retainAsPublished;
        session.offer(new QueuedMessage(publish, qos, retain, subscriptionIds, nowNanos));
        return 1;
    }

    private boolean isOnline(String clientId) {
        Session s = sessions.get(clientId);
        return s != null && s.isOnline();
    }

    /** The merged view of one client's matching non-shared subscriptions, or one chosen shared subscription. */
    private static final class Target {
        private final String clientId;
        private final boolean shared;
        private MqttQos maxQos = MqttQos.AT_MOST_ONCE;
        private boolean retainAsPublished;
        private List<Integer> subscriptionIds = List.of();

        Target(String clientId, boolean shared) {
            this.clientId = clientId;
            this.shared = shared;
        }

        Target add(Subscription s) {
            if (s.qos().code() > maxQos.code()) {
                maxQos = s.qos();
            }
            retainAsPublished |= s.retainAsPublished();
            Integer id = s.subscriptionIdentifier();
            if (id != null && !subscriptionIds.contains(id)) {
                if (subscriptionIds.isEmpty()) {
                    subscriptionIds = new ArrayList<>(2);
                }
                subscriptionIds.add(id);
            }
            return this;
        }
    }
}
