package io.mqttharness.load.e2e;

import io.gatling.commons.util.Clock;
import io.gatling.core.stats.StatsEngine;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.load.internal.ScalaGlue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A subscriber's message listener: for each received message that carries a {@link SensorHeader}, logs a
 * Gatling response (start = send time, end = now) and feeds the {@link E2eLatencyTracker}. Messages without
 * the header are ignored.
 */
public final class MessageRecorder implements Consumer<MqttPublish> {
    private final StatsEngine stats;
    private final Clock clock;
    private final String scenario;
    private final scala.collection.immutable.List<String> groups;
    private final E2eLatencyTracker tracker;
    private final String requestName;

    public MessageRecorder(StatsEngine stats, Clock clock, String scenario,
            scala.collection.immutable.List<String> groups, E2eLatencyTracker tracker, String requestName) {
        this.stats = stats;
        this.clock = clock;
        this.scenario = scenario;
        this.groups = groups;
        this.tracker = tracker;
        this.requestName = requestName;
    }

    @Override
    public void accept(MqttPublish publish) {
        SensorHeader header = SensorHeader.decode(publish.payload()).orElse(null);
        if (header == null) {
            return;
        }
        long latencyNanos = System.nanoTime() - header.sendNanos();
        tracker.recordReceived(header.sensorId(), header.sequence(), latencyNanos);
        // Gatling's clock is epoch millis; derive the start from the monotonic latency, not from the wall clock
        long end = clock.nowMillis();
        long start = end - TimeUnit.NANOSECONDS.toMillis(Math.max(0, latencyNanos));
        ScalaGlue.logResponse(stats, scenario, groups, requestName, start, end, true, null);
    }
}
