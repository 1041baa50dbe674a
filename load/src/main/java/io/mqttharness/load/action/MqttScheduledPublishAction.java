package io.mqttharness.load.action;

import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.load.client.MqttClientConnection;
import io.mqttharness.load.e2e.E2eLatencyTracker;
import io.mqttharness.load.protocol.MqttComponents;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A sensor's open workload: publishes on a fixed schedule (one slot per interval) for a duration, without
 * waiting for the previous acknowledgement; see {@link OverrunPolicy} for what counts as an overrun. Each publish
 * is logged like a single publish ({@link PublishFlow}). The user goes on once the duration is over and every
 * acknowledgement has arrived or timed out; if any publish failed or the connection was lost, marked as failed.
 * Runs entirely on the user's event loop.
 */
final class MqttScheduledPublishAction extends MqttAction {
    private final Function<Session, String> topic;
    private final PublishPayload payload;
    private final PublishFlow flow;
    private final long intervalNanos;
    private final long durationNanos;

    MqttScheduledPublishAction(String requestName, MqttComponents components, Action next,
            Function<Session, String> topic, PublishPayload payload, MqttQos qos, boolean retain, long intervalNanos,
            long durationNanos) {
        super(requestName, components, next);
        this.topic = topic;
        this.payload = payload;
        this.flow = new PublishFlow(requestName, qos, retain, steps());
        this.intervalNanos = intervalNanos;
        this.durationNanos = durationNanos;
    }

    @Override
    protected void run(Session session, long start) {
        MqttClientConnection connection = requireConnection(session, start);
        if (connection == null) {
            return;
        }
        new Loop(session, connection, topic.apply(session)).tick();
    }

    /** One execution of the schedule; touched only on the user's event loop. */
    private final class Loop {
        private final MqttClientConnection connection;
        private final String topicName;
        private final OverrunPolicy policy;
        private final long endNanos;
        private final E2eLatencyTracker tracker;
        private Session session;
        private long slot;
        private int inFlight;
        private boolean failed;
        private boolean ended;

        Loop(Session session, MqttClientConnection connection, String topicName) {
            this.session = session;
            this.connection = connection;
            this.topicName = topicName;
            long now = System.nanoTime();
            this.policy = new OverrunPolicy(now, intervalNanos);
            this.endNanos = now + durationNanos;
            this.tracker = components.protocol().latencyTracker();
        }

        void tick() {
            long now = System.nanoTime();
            if (!connection.isOpen()) {
                logStep(session, requestName, clock.nowMillis(), false,
                        "connection is closed: " + connection.closedReason());
                failed = true;
                end();
                return;
            }
            OverrunPolicy.Tick tick = policy.tick(slot, now, inFlight > 0);
            if (policy.dueNanos(tick.slot()) >= endNanos) {
                // the skipped slots up to the end still count: the sensor did not publish them
                long missed = Math.max(0, (endNanos - policy.dueNanos(slot) + intervalNanos - 1) / intervalNanos);
                for (long i = 0; i < missed; i++) {
                    tracker.recordOverrun();
                }
                end();
                return;
            }
            for (long i = 0; i < tick.overruns(); i++) {
                tracker.recordOverrun();
            }
            slot = tick.slot() + 1;
            SensorMessages.Next message = SensorMessages.next(session, payload, topicName, tracker);
            session = message.session();
            inFlight++;
            flow.send(session, connection, topicName, message.bytes(), message.published(), failure -> {
                inFlight--;
                failed |= failure != null;
                if (ended && inFlight == 0) {
                    finish();
                }
            });
            long delay = policy.dueNanos(slot) - System.nanoTime();
            session.eventLoop().schedule(this::tick, Math.max(0, delay), TimeUnit.NANOSECONDS);
        }

        private void end() {
            ended = true;
            if (inFlight == 0) {
                finish();
            }
        }

        private void finish() {
            proceed(failed ? session.markAsFailed() : session);
        }
    }
}
