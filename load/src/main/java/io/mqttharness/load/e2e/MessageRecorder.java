package io.mqttharness.load.e2e;

import io.gatling.commons.util.Clock;
import io.gatling.core.stats.StatsEngine;
import io.mqttharness.codec.MqttTopics;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.load.internal.ScalaGlue;
import io.mqttharness.load.metrics.LoadMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A subscriber connection's message listener: for each received message that carries a {@link SensorHeader},
 * logs a Gatling response (start = send time, end = now) and feeds the {@link E2eLatencyTracker} under the
 * subscriber key of the subscription the message matched (the client, or its shared-subscription group).
 * Messages without the header are ignored. Runs on the connection's event loop only.
 */
public final class MessageRecorder implements Consumer<MqttPublish> {
    private final StatsEngine stats;
    private final Clock clock;
    private final String scenario;
    private final scala.collection.immutable.List<String> groups;
    private final E2eLatencyTracker tracker;
    private final LoadMetrics metrics;
    private final String requestName;
    private final String clientKey;
    /** Inner filter (without $share/group/) -> subscriber key; insertion order decides overlaps. */
    private final Map<String, String> keysByFilter = new LinkedHashMap<>();

    public MessageRecorder(StatsEngine stats, Clock clock, String scenario,
            scala.collection.immutable.List<String> groups, E2eLatencyTracker tracker, LoadMetrics metrics,
            String requestName, String clientKey) {
        this.stats = stats;
        this.clock = clock;
        this.scenario = scenario;
        this.groups = groups;
        this.tracker = tracker;
        this.metrics = metrics;
        this.requestName = requestName;
        this.clientKey = clientKey;
    }

    /** The connection subscribed to {@code filter}; registers the subscriber's expectation with the tracker. */
    public void subscribed(String filter) {
        String key = E2eLatencyTracker.subscriberKey(clientKey, filter);
        var shared = filter.startsWith("$share/") ? MqttTopics.parseShared(filter) : null;
        keysByFilter.put(shared == null ? filter : shared.topicFilter(), key);
        tracker.subscribed(key, filter);
    }

    /** The connection unsubscribed from {@code filter}. */
    public void unsubscribed(String filter) {
        var shared = filter.startsWith("$share/") ? MqttTopics.parseShared(filter) : null;
        keysByFilter.remove(shared == null ? filter : shared.topicFilter());
    }

    @Override
    public void accept(MqttPublish publish) {
        SensorHeader header = SensorHeader.decode(publish.payload()).orElse(null);
        if (header == null) {
            return;
        }
        long latencyNanos = System.nanoTime() - header.sendNanos();
        tracker.recordReceived(keyFor(publish.topic()), header.sensorId(), header.sequence(), latencyNanos);
        // Gatling's clock is epoch millis; derive the start from the monotonic latency, not from the wall clock
        long end = clock.nowMillis();
        long start = end - TimeUnit.NANOSECONDS.toMillis(Math.max(0, latencyNanos));
        ScalaGlue.logResponse(stats, scenario, groups, requestName, start, end, true, null);
        metrics.response(requestName, start, end, true, null);
    }

    private String keyFor(String topic) {
        for (Map.Entry<String, String> entry : keysByFilter.entrySet()) {
            if (topic != null && MqttTopics.matches(entry.getKey(), topic)) {
                return entry.getValue();
            }
        }
        return clientKey;
    }
}
