package io.mqttharness.load.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Counts, per sensor, what was published and what subscribers received (distinct, duplicated, out of order,
 * lost) and keeps a microsecond HdrHistogram of end-to-end latency, because Gatling's own report only has
 * millisecond resolution and loopback latencies are below a millisecond.
 *
 * <p>Thread-safe: publishers and subscribers call it from many event loops. Each sensor's state has its own
 * lock; the histogram is a {@link ConcurrentHistogram}. Sequence sets are bit sets, about 1 bit per message.
 * Every delivery counts, so with several subscribers of one topic the second copy counts as a duplicate; a
 * fan-out simulation needs one tracker per subscriber.
 */
public final class E2eLatencyTracker {
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Map<Integer, SensorState> sensors = new ConcurrentHashMap<>();
    private final Histogram latencyMicros = new ConcurrentHistogram(HIGHEST_MICROS, 3);

    /** A publisher's message was acknowledged (or, for QoS 0, written). */
    public void recordPublished(int sensorId, long sequence) {
        state(sensorId).published(sequence);
    }

    /** A subscriber received a sensor message {@code latencyNanos} after it was sent. */
    public void recordReceived(int sensorId, long sequence, long latencyNanos) {
        state(sensorId).received(sequence);
        long micros = Math.max(0, TimeUnit.NANOSECONDS.toMicros(latencyNanos));
        latencyMicros.recordValue(Math.min(micros, HIGHEST_MICROS));
    }

    /** Current totals. */
    public E2eSummary summary() {
        long published = 0;
        long received = 0;
        long duplicates = 0;
        long outOfOrder = 0;
        long lost = 0;
        for (SensorState state : sensors.values()) {
            synchronized (state) {
                published += state.published.cardinality();
                received += state.received.cardinality();
                duplicates += state.duplicates;
                outOfOrder += state.outOfOrder;
                BitSet missing = (BitSet) state.published.clone();
                missing.andNot(state.received);
                lost += missing.cardinality();
            }
        }
        Histogram copy = latencyMicros.copy();
        return new E2eSummary(sensors.size(), published, received, duplicates, outOfOrder, lost,
                copy.getValueAtPercentile(50), copy.getValueAtPercentile(99), copy.getMaxValue());
    }

    /** A copy of the latency histogram, microseconds. */
    public Histogram latencyHistogram() {
        return latencyMicros.copy();
    }

    /** Writes the percentile distribution (HdrHistogram's text format, microseconds) to {@code file}. */
    public void writePercentiles(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, "UTF-8")) {
            latencyMicros.copy().outputPercentileDistribution(out, 1.0);
        }
    }

    private SensorState state(int sensorId) {
        return sensors.computeIfAbsent(sensorId, id -> new SensorState());
    }

    /** One sensor's sequence bookkeeping; guarded by its own monitor. */
    private static final class SensorState {
        private final BitSet published = new BitSet();
        private final BitSet received = new BitSet();
        private long highestReceived = -1;
        private long duplicates;
        private long outOfOrder;

        synchronized void published(long sequence) {
            published.set(index(sequence));
        }

        synchronized void received(long sequence) {
            int index = index(sequence);
            if (received.get(index)) {
                duplicates++;
                return;
            }
            received.set(index);
            if (sequence < highestReceived) {
                outOfOrder++;
            } else {
                highestReceived = sequence;
            }
        }

        private static int index(long sequence) {
            if (sequence < 0 || sequence > Integer.MAX_VALUE - 1) {
                throw new IllegalArgumentException("sequence out of range: " + sequence);
            }
            return (int) sequence;
        }
    }
}
