package io.mqttharness.load.action;

import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.mqttharness.load.client.MqttClientConnection;
import io.mqttharness.load.e2e.E2eLatencyTracker;
import io.mqttharness.load.e2e.StreamCounts;
import io.mqttharness.load.protocol.MqttComponents;
import java.util.concurrent.TimeUnit;

/** Waits until the subscriber's messages are all delivered; see {@link MqttDeliveryCheckBuilder}. */
final class MqttDeliveryCheckAction extends MqttAction {
    private static final long POLL_MILLIS = 200;

    private final long timeoutMillis;
    private final boolean inOrder;
    private final String sharedFilter;

    MqttDeliveryCheckAction(String requestName, MqttComponents components, Action next, long timeoutMillis,
            boolean inOrder, String sharedFilter) {
        super(requestName, components, next);
        this.timeoutMillis = timeoutMillis;
        this.inOrder = inOrder;
        this.sharedFilter = sharedFilter;
    }

    @Override
    protected void run(Session session, long start) {
        // the connection may be closed by now (e.g. checked after disconnect): only its client id is needed
        MqttClientConnection connection = MqttClientConnection.of(session).orElse(null);
        if (connection == null) {
            ko(session, requestName, start, "not connected: run connect() first");
            return;
        }
        String key = sharedFilter == null ? connection.clientId()
                : E2eLatencyTracker.subscriberKey(connection.clientId(), sharedFilter);
        poll(session, start, key, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
    }

    private void poll(Session session, long start, String key, long deadlineNanos) {
        StreamCounts counts = components.protocol().latencyTracker().subscriberCounts(key);
        if (inOrder && counts.outOfOrder() > 0) {
            ko(session, requestName, start, counts.outOfOrder() + " messages out of order at " + key);
        } else if (counts.lost() == 0) {
            ok(session, requestName, start);
        } else if (System.nanoTime() >= deadlineNanos) {
            ko(session, requestName, start, counts.lost() + " of " + (counts.lost() + counts.received())
                    + " messages not delivered to " + key + " within " + timeoutMillis + " ms");
        } else {
            session.eventLoop().schedule(() -> poll(session, start, key, deadlineNanos), POLL_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }
}
