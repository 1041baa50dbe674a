package io.mqttharness.broker.sys;

import io.mqttharness.broker.delivery.MessageRouter;
import io.mqttharness.broker.routing.RetainedStore;
import io.mqttharness.broker.routing.SubscriptionTree;
import io.mqttharness.broker.session.SessionStore;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.packet.MqttPublish;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes mosquitto-style broker statistics as retained QoS 0 messages under {@code $SYS/broker/} every
 * {@code sys_interval} seconds. Wildcard filters starting with {@code #} or {@code +} do not match them
 * (MQTT-4.7.2-1); clients must subscribe to {@code $SYS/...} explicitly. It also purges expired retained
 * messages on the same tick.
 */
public final class SysTopicPublisher implements AutoCloseable {
    /** Value of {@code $SYS/broker/version}. */
    public static final String VERSION = "mqtt-harness reference broker 0.1.0";

    private final BrokerStats stats;
    private final SessionStore sessions;
    private final SubscriptionTree subscriptions;
    private final RetainedStore retained;
    private final MessageRouter router;
    private ScheduledFuture<?> task;

    public SysTopicPublisher(BrokerStats stats, SessionStore sessions, SubscriptionTree subscriptions,
            RetainedStore retained, MessageRouter router) {
        this.stats = stats;
        this.sessions = sessions;
        this.subscriptions = subscriptions;
        this.retained = retained;
        this.router = router;
    }

    /** Publishes now and then every {@code intervalSeconds}; 0 disables {@code $SYS}. */
    public void start(ScheduledExecutorService timer, int intervalSeconds) {
        if (intervalSeconds <= 0) {
            return;
        }
        task = timer.scheduleAtFixedRate(this::publishNow, 0, intervalSeconds, TimeUnit.SECONDS);
    }

    /** The current values, topic to payload. */
    public Map<String, String> snapshot() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("$SYS/broker/version", VERSION);
        values.put("$SYS/broker/uptime", stats.uptimeSeconds() + " seconds");
        values.put("$SYS/broker/clients/connected", Long.toString(stats.connectedClients()));
        values.put("$SYS/broker/clients/total", Integer.toString(sessions.size()));
        values.put("$SYS/broker/messages/received", Long.toString(stats.messagesReceived()));
        values.put("$SYS/broker/messages/sent", Long.toString(stats.messagesSent()));
        values.put("$SYS/broker/messages/dropped", Long.toString(stats.messagesDropped()));
        // mosquitto's name for the same count: messages dropped because of queue / inflight limits
        values.put("$SYS/broker/publish/messages/dropped", Long.toString(stats.messagesDropped()));
        values.put("$SYS/broker/bytes/received", Long.toString(stats.bytesReceived()));
        values.put("$SYS/broker/bytes/sent", Long.toString(stats.bytesSent()));
        values.put("$SYS/broker/subscriptions/count", Integer.toString(subscriptions.size()));
        values.put("$SYS/broker/retained messages/count", Integer.toString(retained.size()));
        values.put("$SYS/broker/store/messages/count", Long.toString(stats.queuedMessages()));
        values.put("$SYS/broker/store/messages/bytes", Long.toString(stats.queuedBytes()));
        return values;
    }

    /** Publishes every value once. */
    public void publishNow() {
        long now = System.nanoTime();
        retained.purgeExpired(now);
        for (Map.Entry<String, String> e : snapshot().entrySet()) {
            router.route(new MqttPublish(false, MqttQos.AT_MOST_ONCE, true, e.getKey(), 0, MqttProperties.EMPTY,
                    e.getValue().getBytes(StandardCharsets.UTF_8)), null, now);
        }
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
