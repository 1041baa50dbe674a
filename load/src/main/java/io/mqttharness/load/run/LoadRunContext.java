package io.mqttharness.load.run;

import io.mqttharness.load.e2e.E2eLatencyTracker;
import io.mqttharness.load.metrics.LoadMetrics;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The run a simulation belongs to. Gatling instantiates simulation classes itself (no constructor arguments), so
 * {@link LoadRunner} publishes the request and the shared counters here for the duration of one run; simulations
 * started directly (system properties) find none. One run per JVM at a time.
 *
 * @param request what to run
 * @param tracker message counts and end-to-end latency
 * @param metrics responses, errors, connections
 */
public record LoadRunContext(LoadRequest request, E2eLatencyTracker tracker, LoadMetrics metrics) {
    private static final AtomicReference<LoadRunContext> CURRENT = new AtomicReference<>();

    public LoadRunContext {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(tracker, "tracker");
        Objects.requireNonNull(metrics, "metrics");
    }

    /** The run in progress, if a {@link LoadRunner} started it. */
    public static Optional<LoadRunContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static void open(LoadRunContext context) throws LoadException {
        if (!CURRENT.compareAndSet(null, context)) {
            throw new LoadException("another load run is in progress in this JVM");
        }
    }

    static void close(LoadRunContext context) {
        CURRENT.compareAndSet(context, null);
    }
}
