package io.mqttharness.load.run;

import io.mqttharness.load.e2e.E2eLatencyTracker;
import io.mqttharness.load.metrics.LoadMetrics;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Calls a {@link LoadProgressListener} once a second from its own daemon thread while a run is going on. */
final class ProgressTicker implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mqtt-harness-load-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final LoadProgressListener listener;
    private final E2eLatencyTracker tracker;
    private final LoadMetrics metrics;
    private final double plannedSeconds;
    private final long startNanos = System.nanoTime();

    ProgressTicker(LoadProgressListener listener, E2eLatencyTracker tracker, LoadMetrics metrics,
            double plannedSeconds) {
        this.listener = listener;
        this.tracker = tracker;
        this.metrics = metrics;
        this.plannedSeconds = plannedSeconds;
        tracker.intervalHistogram(); // start the first interval now
        timer.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    private void tick() {
        try {
            listener.onProgress(snapshot());
        } catch (RuntimeException e) {
            // a broken listener must not stop the run, nor kill the timer silently mid-run
            System.err.println("load progress listener failed: " + e);
        }
    }

    LoadProgressListener.LoadProgress snapshot() {
        long p99 = tracker.intervalHistogram().getValueAtPercentile(99);
        return new LoadProgressListener.LoadProgress((System.nanoTime() - startNanos) / 1e9, plannedSeconds,
                metrics.connectedNow(), tracker.publishedSoFar(), tracker.receivedSoFar(), metrics.koCount(), p99);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
