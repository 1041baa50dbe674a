package io.mqttharness.load.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Live counters of a load run that Gatling does not hand out while it runs: responses per request name (with a
 * response-time histogram), KO messages, connections open now and at most. Every response the MQTT actions log
 * to Gatling also goes through {@link #response}, so the run's result does not have to be scraped from the HTML
 * report. Thread-safe (called from all event loops).
 */
public final class LoadMetrics {
    private static final long HIGHEST_MILLIS = 3_600_000L;

    private final Map<String, RequestCounter> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder ko = new LongAdder();
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger maxConnected = new AtomicInteger();

    /** One response logged to Gatling. */
    public void response(String requestName, long startMillis, long endMillis, boolean ok, String message) {
        RequestCounter counter = requests.computeIfAbsent(requestName, name -> new RequestCounter());
        long millis = Math.min(HIGHEST_MILLIS, Math.max(0, endMillis - startMillis));
        if (ok) {
            counter.ok.increment();
            counter.okTimes.recordValue(millis);
        } else {
            counter.ko.increment();
            ko.increment();
            errors.computeIfAbsent(requestName + ": " + (message == null ? "KO" : message), m -> new LongAdder())
                    .increment();
        }
    }

    /** A client connection received a successful CONNACK. */
    public void connectionOpened() {
        int now = connected.incrementAndGet();
        maxConnected.accumulateAndGet(now, Math::max);
    }

    /** A connection that {@link #connectionOpened} counted is gone. */
    public void connectionClosed() {
        connected.decrementAndGet();
    }

    public int connectedNow() {
        return connected.get();
    }

    public int maxConnected() {
        return maxConnected.get();
    }

    /** KO responses so far. */
    public long koCount() {
        return ko.sum();
    }

    /** Statistics per request name, sorted by name. */
    public Map<String, RequestSnapshot> requests() {
        Map<String, RequestSnapshot> result = new TreeMap<>();
        requests.forEach((name, counter) -> {
            Histogram times = counter.okTimes.copy();
            long okCount = counter.ok.sum();
            result.put(name, new RequestSnapshot(okCount, counter.ko.sum(),
                    okCount == 0 ? 0 : times.getValueAtPercentile(50),
                    okCount == 0 ? 0 : times.getValueAtPercentile(99), okCount == 0 ? 0 : times.getMaxValue()));
        });
        return result;
    }

    /** Distinct KO messages ({@code request: message}) with their counts, sorted. */
    public Map<String, Long> errors() {
        Map<String, Long> result = new TreeMap<>();
        errors.forEach((message, count) -> result.put(message, count.sum()));
        return result;
    }

    /**
     * Counts and OK response times (ms) of one request name.
     *
     * @param ok successful responses
     * @param ko failed responses
     * @param p50Millis median OK response time
     * @param p99Millis 99th percentile OK response time
     * @param maxMillis largest OK response time
     */
    public record RequestSnapshot(long ok, long ko, long p50Millis, long p99Millis, long maxMillis) {
    }

    private static final class RequestCounter {
        final LongAdder ok = new LongAdder();
        final LongAdder ko = new LongAdder();
        final Histogram okTimes = new ConcurrentHistogram(HIGHEST_MILLIS, 2);
    }
}
