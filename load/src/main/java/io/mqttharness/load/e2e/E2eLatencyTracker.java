package io.mqttharness.load.e2e;

import io.mqttharness.codec.MqttSharedFilter;
import io.mqttharness.codec.MqttTopics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counts, per sensor and per subscriber, what was published and what subscribers received (distinct, duplicated,
 * out of order, lost), counts publish overruns of the open workload, and keeps a microsecond HdrHistogram of
 * end-to-end latency (Gatling's report only has millisecond resolution; loopback latencies are below one).
 *
 * <p>Each subscriber is counted on its own: when two dashboards receive the same message, each gets its copy,
 * and neither copy is a duplicate. A subscriber expects the messages of every sensor whose topic matches one of
 * the filters it registered with {@link #subscribed}; a shared-subscription group ({@code $share/g/f}) is one
 * subscriber, whichever member a message went to. Subscribers that registered no filter (or record without a
 * subscriber key) expect every sensor.
 *
 * <p>Thread-safe: publishers and subscribers call it from many event loops. Sensor and receive logs have
 * their own locks; the histogram is a {@link ConcurrentHistogram}. Sequence sets are bit sets.
 */
public final class E2eLatencyTracker {
    /** Subscriber key used by {@link #recordReceived(int, long, long)}. */
    public static final String DEFAULT_SUBSCRIBER = "subscriber";

    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Map<Integer, SensorLog> sensors = new ConcurrentHashMap<>();
    private final Map<String, SubscriberLog> subscribers = new ConcurrentHashMap<>();
    private final Histogram latencyMicros = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final Recorder intervalMicros = new Recorder(HIGHEST_MICROS, 2);
    private final LongAdder overruns = new LongAdder();
    private final LongAdder publishedTotal = new LongAdder();
    private final LongAdder receivedTotal = new LongAdder();

    /** A publisher's message was acknowledged (or, for QoS 0, written); its topic is not known. */
    public void recordPublished(int sensorId, long sequence) {
        recordPublished(sensorId, null, sequence);
    }

    /** A publisher's message to {@code topic} was acknowledged (or, for QoS 0, written). */
    public void recordPublished(int sensorId, String topic, long sequence) {
        sensor(sensorId).published(topic, index(sequence));
        publishedTotal.increment();
    }

    /**
     * {@code subscriber} subscribed to {@code filter} (a {@code $share/group/} prefix is taken off: the group is
     * then the subscriber, see {@link #subscriberKey}).
     */
    public void subscribed(String subscriber, String filter) {
        MqttSharedFilter shared = MqttTopics.parseShared(filter);
        subscriber(subscriber).filters.add(shared == null ? filter : shared.topicFilter());
    }

    /** The subscriber key of a client: the share group for a shared subscription, else the client's own key. */
    public static String subscriberKey(String clientKey, String filter) {
        MqttSharedFilter shared = filter.startsWith(MqttSharedFilter.PREFIX) ? MqttTopics.parseShared(filter) : null;
        return shared == null ? clientKey : MqttSharedFilter.PREFIX + shared.shareGroup() + "/" + shared.topicFilter();
    }

    /** A subscriber received a sensor message {@code latencyNanos} after it was sent. */
    public void recordReceived(int sensorId, long sequence, long latencyNanos) {
        recordReceived(DEFAULT_SUBSCRIBER, sensorId, sequence, latencyNanos);
    }

    /** {@code subscriber} received a sensor message {@code latencyNanos} after it was sent. */
    public void recordReceived(String subscriber, int sensorId, long sequence, long latencyNanos) {
        SubscriberLog log = subscriber(subscriber);
        log.bySensor.computeIfAbsent(sensorId, id -> new ReceiveLog()).record(index(sequence));
        sensor(sensorId); // a received-only sensor still counts (its messages were published before the run)
        receivedTotal.increment();
        long micros = Math.max(0, TimeUnit.NANOSECONDS.toMicros(latencyNanos));
        latencyMicros.recordValue(Math.min(micros, HIGHEST_MICROS));
        intervalMicros.recordValue(Math.min(micros, HIGHEST_MICROS));
    }

    /** The latencies (microseconds) recorded since the previous call, for live progress. */
    public Histogram intervalHistogram() {
        return intervalMicros.getIntervalHistogram();
    }

    /** A scheduled publish could not start on time (open workload: the sensor fell behind). */
    public void recordOverrun() {
        overruns.increment();
    }

    /** Scheduled publishes that started late or not at all so far. */
    public long overruns() {
        return overruns.sum();
    }

    /** Messages recorded as published so far (cheap; for live progress). */
    public long publishedSoFar() {
        return publishedTotal.sum();
    }

    /** Deliveries recorded so far, duplicates included (cheap; for live progress). */
    public long receivedSoFar() {
        return receivedTotal.sum();
    }

    /** Current totals over all sensors and subscribers. */
    public E2eSummary summary() {
        StreamCounts total = StreamCounts.ZERO;
        for (SensorLog sensor : sensors.values()) {
            total = total.plus(new StreamCounts(sensor.publishedCount(), 0, 0, 0, 0));
        }
        for (String subscriber : subscribers.keySet()) {
            total = total.plus(subscriberCounts(subscriber));
        }
        Histogram copy = latencyMicros.copy();
        return new E2eSummary(sensors.size(), total.published(), total.received(), total.duplicates(),
                total.outOfOrder(), total.lost(), copy.getValueAtPercentile(50), copy.getValueAtPercentile(99),
                copy.getMaxValue(), subscribers.size(), overruns.sum());
    }

    /** What {@code subscriber} received of the sensors it expects; zero counts for an unknown subscriber. */
    public StreamCounts subscriberCounts(String subscriber) {
        SubscriberLog log = subscribers.get(subscriber);
        if (log == null) {
            return StreamCounts.ZERO;
        }
        StreamCounts counts = StreamCounts.ZERO;
        for (Map.Entry<Integer, SensorLog> entry : sensors.entrySet()) {
            SensorLog sensor = entry.getValue();
            ReceiveLog received = log.bySensor.get(entry.getKey());
            if (received == null && !log.expects(sensor)) {
                continue;
            }
            BitSet published = sensor.publishedCopy();
            counts = counts.plus(received == null
                    ? new StreamCounts(0, 0, published.cardinality(), 0, 0)
                    : received.countAgainst(published));
        }
        return counts;
    }

    /** Counts of one sensor over all subscribers (published once, received/lost per expecting subscriber). */
    public StreamCounts sensorCounts(int sensorId) {
        SensorLog sensor = sensors.get(sensorId);
        if (sensor == null) {
            return StreamCounts.ZERO;
        }
        BitSet published = sensor.publishedCopy();
        StreamCounts counts = new StreamCounts(published.cardinality(), 0, 0, 0, 0);
        for (SubscriberLog log : subscribers.values()) {
            ReceiveLog received = log.bySensor.get(sensorId);
            if (received != null) {
                counts = counts.plus(received.countAgainst(published));
            } else if (log.expects(sensor)) {
                counts = counts.plus(new StreamCounts(0, 0, published.cardinality(), 0, 0));
            }
        }
        return counts;
    }

    /** Counts per subscriber key, sorted by key. */
    public Map<String, StreamCounts> bySubscriber() {
        Map<String, StreamCounts> result = new TreeMap<>();
        subscribers.keySet().forEach(key -> result.put(key, subscriberCounts(key)));
        return result;
    }

    /** The sensor ids seen. */
    public Set<Integer> sensorIds() {
        return Set.copyOf(sensors.keySet());
    }

    /** A copy of the latency histogram, microseconds. */
    public Histogram latencyHistogram() {
        return latencyMicros.copy();
    }

    /** Writes the percentile distribution (HdrHistogram's text format, microseconds) to {@code file}. */
    public void writePercentiles(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, "UTF-8")) {
            latencyMicros.copy().outputPercentileDistribution(out, 1.0);
        }
    }

    private SensorLog sensor(int sensorId) {
        return sensors.computeIfAbsent(sensorId, id -> new SensorLog());
    }

    private SubscriberLog subscriber(String key) {
        return subscribers.computeIfAbsent(key, k -> new SubscriberLog());
    }

    private static int index(long sequence) {
        if (sequence < 0 || sequence > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("sequence out of range: " + sequence);
        }
        return (int) sequence;
    }

    /** One sensor's published sequence numbers and the topics it published to. */
    private static final class SensorLog {
        private final BitSet published = new BitSet();
        private final List<String> topics = new CopyOnWriteArrayList<>();

        synchronized void published(String topic, int sequence) {
            published.set(sequence);
            if (topic != null && !topics.contains(topic)) {
                topics.add(topic);
            }
        }

        synchronized BitSet publishedCopy() {
            return (BitSet) published.clone();
        }

        synchronized long publishedCount() {
            return published.cardinality();
        }
    }

    /** One subscriber's topic filters and what it received per sensor. */
    private static final class SubscriberLog {
        private final List<String> filters = new CopyOnWriteArrayList<>();
        private final Map<Integer, ReceiveLog> bySensor = new ConcurrentHashMap<>();

        /** True when a message of this sensor should reach this subscriber. */
        boolean expects(SensorLog sensor) {
            if (filters.isEmpty() || sensor.topics.isEmpty()) {
                return true;
            }
            for (String topic : sensor.topics) {
                for (String filter : filters) {
                    if (MqttTopics.matches(filter, topic)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
