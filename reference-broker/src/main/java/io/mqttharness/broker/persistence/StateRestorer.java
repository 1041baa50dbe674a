package io.mqttharness.broker.persistence;

import io.mqttharness.broker.delivery.InflightMessage;
import io.mqttharness.broker.delivery.OutboundFlowState;
import io.mqttharness.broker.delivery.QueuedMessage;
import io.mqttharness.broker.routing.RetainedStore;
import io.mqttharness.broker.routing.Subscription;
import io.mqttharness.broker.routing.SubscriptionTree;
import io.mqttharness.broker.session.Session;
import io.mqttharness.broker.session.SessionJournal;
import io.mqttharness.broker.session.SessionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hands a loaded (and pruned) {@link PersistentState} to the live broker before it accepts connections: offline
 * sessions with their expiry timers, subscriptions, messages in flight (resent with DUP=1 on resumption) and
 * queued, inbound QoS 2 identifiers, retained messages.
 */
final class StateRestorer {
    private StateRestorer() {
    }

    static void restore(PersistentState state, Clocks clocks, SessionStore sessions, SubscriptionTree subscriptions,
            RetainedStore retained, SessionJournal journal) {
        for (Map.Entry<String, SessionImage> e : state.sessions.entrySet()) {
            restoreSession(e.getKey(), e.getValue(), clocks, sessions, subscriptions, journal);
        }
        for (PersistentState.RetainedImage r : state.retained.values()) {
            retained.put(PublishBytes.decode(r.publish(), "retained message of topic '" + r.topic() + "'"),
                    clocks.toNanos(r.storedAtMillis()));
        }
    }

    private static void restoreSession(String clientId, SessionImage image, Clocks clocks, SessionStore sessions,
            SubscriptionTree subscriptions, SessionJournal journal) {
        String where = "message of session '" + clientId + "'";
        List<InflightMessage> inflight = new ArrayList<>(image.inflight.size());
        for (Map.Entry<Integer, SessionImage.Inflight> m : image.inflight.entrySet()) {
            QueuedMessage message = m.getValue().message.toQueued(clocks, where);
            OutboundFlowState flow = m.getValue().released ? OutboundFlowState.AWAITING_PUBCOMP
                    : OutboundFlowState.initialFor(message.qos().code());
            inflight.add(new InflightMessage(m.getKey(), message, flow));
        }
        List<QueuedMessage> queue = new ArrayList<>(image.queue.size());
        for (StoredMessage m : image.queue) {
            queue.add(m.toQueued(clocks, where));
        }
        Session session = new Session(clientId, sessions.policy());
        session.restore(image.username, inflight, queue, image.inboundAwaitingPubRel, journal);
        for (Subscription s : image.subscriptions.values()) {
            subscriptions.subscribe(new Subscription(clientId, s.topicFilter(), s.shareGroup(), s.qos(), s.noLocal(),
                    s.retainAsPublished(), s.retainHandling(), s.subscriptionIdentifier()));
        }
        sessions.restore(session, image.remainingExpirySeconds(clocks.nowMillis()));
    }
}
