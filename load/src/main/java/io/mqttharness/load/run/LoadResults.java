package io.mqttharness.load.run;

import io.mqttharness.load.e2e.E2eLatencyTracker;
import io.mqttharness.load.e2e.E2eSummary;
import io.mqttharness.load.metrics.LoadMetrics;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Turns the counters of a finished run into its {@link LoadResult}. */
final class LoadResults {
    /** Percentiles listed in {@link LoadResult.LatencyMicros#percentiles()}. */
    static final double[] PLOT_PERCENTILES = {0, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.999, 100};

    private LoadResults() {
    }

    static LoadResult of(LoadRequest request, Instant started, Duration elapsed, E2eLatencyTracker tracker,
            LoadMetrics metrics, double cpuSeconds, Double hostStealPercent, Path gatlingReport, Path histogramFile) {
        E2eSummary summary = tracker.summary();
        double window = request.duration().toNanos() / 1e9;
        Map<String, LoadResult.RequestStats> requests = new LinkedHashMap<>();
        metrics.requests().forEach((name, s) -> requests.put(name,
                new LoadResult.RequestStats(s.ok(), s.ko(), s.p50Millis(), s.p99Millis(), s.maxMillis())));
        int connections = metrics.maxConnected();
        return new LoadResult(request.scenario().cliName(), request.target().toString(), request.mqttVersion(),
                request.qos(), started, elapsed, request.scenario() == LoadScenario.CONNECTION_STORM ? 0
                        : request.offeredRate(),
                request.scenario() == LoadScenario.CONNECTION_STORM ? 0 : summary.published() / window,
                new LoadResult.MessageCounts(summary.published(), summary.received(), summary.lost(),
                        summary.duplicates(), summary.outOfOrder()),
                summary.overruns(), latency(tracker.latencyHistogram()), requests, connections, cpuSeconds,
                gatlingReport, histogramFile, metrics.errors(), hostStealPercent);
    }

    static LoadResult.LatencyMicros latency(Histogram h) {
        List<double[]> points = new ArrayList<>();
        long count = h.getTotalCount();
        if (count > 0) {
            for (double p : PLOT_PERCENTILES) {
                points.add(new double[] {p, h.getValueAtPercentile(p)});
            }
        }
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        String encoded = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
        return new LoadResult.LatencyMicros(count, at(h, 50), at(h, 90), at(h, 99), at(h, 99.9), at(h, 99.99),
                count == 0 ? 0 : h.getMaxValue(), count == 0 ? 0 : h.getMean(), points, encoded);
    }

    private static long at(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile);
    }
}
