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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private final SubscriptionTree subscriptions;
    private final SharedSubscriptionSelector sharedSelector;
    private final RetainedStore retained;
    private final SessionStore sessions;
    private final BrokerSecurity security;
    private final boolean retainAvailable;

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
        List<Subscription> matches = sharedSelector.select(subscriptions.match(publish.topic()), this::isOnline);
        Map<String, Target> targets = new LinkedHashMap<>();
        List<Target> sharedTargets = new ArrayList<>();
        for (Subscription s : matches) {
            if (s.isShared()) {
                Target t = new Target(s.clientId());
                t.add(s);
                sharedTargets.add(t);
            } else if (!(s.noLocal() && s.clientId().equals(publisherClientId))) {
                targets.computeIfAbsent(s.clientId(), Target::new).add(s);
            }
        }
        int delivered = 0;
        for (Target t : targets.values()) {
            delivered += deliver(t, publish, nowNanos);
        }
        for (Target t : sharedTargets) {
            delivered += deliver(t, publish, nowNanos);
        }
        return delivered;
    }

    private int deliver(Target target, MqttPublish publish, long nowNanos) {
        Session session = sessions.get(target.clientId);
        if (session == null || !security.canReceive(target.clientId, session.username(), publish.topic())) {
            return 0;
        }
        MqttQos qos = MqttQos.min(publish.qos(), target.maxQos);
        boolean retain = publish.retain() && target.retainAsPublished;
        session.offer(new QueuedMessage(publish, qos, retain, target.subscriptionIds, nowNanos));
        return 1;
    }

    private boolean isOnline(String clientId) {
        Session s = sessions.get(clientId);
        return s != null && s.isOnline();
    }

    /** The merged view of one client's matching subscriptions. */
    private static final class Target {
        private final String clientId;
        private MqttQos maxQos = MqttQos.AT_MOST_ONCE;
        private boolean retainAsPublished;
        private final List<Integer> subscriptionIds = new ArrayList<>(1);

        Target(String clientId) {
            this.clientId = clientId;
        }

        void add(Subscription s) {
            if (s.qos().code() > maxQos.code()) {
                maxQos = s.qos();
            }
            retainAsPublished |= s.retainAsPublished();
            if (s.subscriptionIdentifier() != null && !subscriptionIds.contains(s.subscriptionIdentifier())) {
                subscriptionIds.add(s.subscriptionIdentifier());
            }
        }
    }
}
