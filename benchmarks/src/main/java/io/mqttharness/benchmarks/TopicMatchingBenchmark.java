package io.mqttharness.benchmarks;

import io.mqttharness.broker.routing.SharedSubscriptionSelector;
import io.mqttharness.broker.routing.Subscription;
import io.mqttharness.broker.routing.SubscriptionTree;
import io.mqttharness.codec.MqttQos;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Subscription-trie throughput with 100,000 subscriptions in an IoT-like mix:
 * <ul>
 *   <li>90,000 exact filters {@code sensors/{id}/{metric}} (22,500 sensors x 4 metrics, one client each),</li>
 *   <li>9,992 per-sensor wildcards {@code sensors/{id}/+},</li>
 *   <li>5 fleet-wide {@code sensors/+/temperature},</li>
 *   <li>3 {@code #} (e.g. loggers).</li>
 * </ul>
 * A temperature reading of a sensor below 9,992 is thus hit by 10 subscriptions; one of a sensor outside the
 * tree by the 8 broad ones only. Run: {@code java -jar benchmarks/target/benchmarks.jar TopicMatchingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TopicMatchingBenchmark {

    private static final String[] METRICS = {"temperature", "humidity", "pressure", "co2"};
    private static final int EXACT_SENSORS = 22_500;
    private static final int SENSOR_WILDCARDS = 9_992;
    private static final int FLEET_WILDCARDS = 5;
    private static final int MATCH_ALL = 3;

    private SubscriptionTree tree;
    private SharedSubscriptionSelector selector;
    private String[] rotatingTopics;

    @Setup(Level.Trial)
    public void setUp() {
        tree = new SubscriptionTree();
        selector = new SharedSubscriptionSelector();
        for (int id = 0; id < EXACT_SENSORS; id++) {
            for (String metric : METRICS) {
                tree.subscribe(Subscription.of("dash-" + id + "-" + metric, "sensors/" + id + "/" + metric, MqttQos.AT_LEAST_ONCE));
            }
        }
        for (int id = 0; id < SENSOR_WILDCARDS; id++) {
            tree.subscribe(Subscription.of("device-" + id, "sensors/" + id + "/+", MqttQos.AT_MOST_ONCE));
        }
        for (int i = 0; i < FLEET_WILDCARDS; i++) {
            tree.subscribe(Subscription.of("fleet-" + i, "sensors/+/temperature", MqttQos.AT_LEAST_ONCE));
        }
        for (int i = 0; i < MATCH_ALL; i++) {
            tree.subscribe(Subscription.of("logger-" + i, "#", MqttQos.AT_MOST_ONCE));
        }
        if (tree.size() != 100_000) {
            throw new IllegalStateException("expected 100,000 subscriptions, got " + tree.size());
        }
        int hits = tree.match("sensors/4242/temperature").size();
        if (hits != 10) {
            throw new IllegalStateException("expected 10 matches for the hot topic, got " + hits);
        }
        rotatingTopics = new String[1024];
        for (int i = 0; i < rotatingTopics.length; i++) {
            int id = (i * 7919) % EXACT_SENSORS; // spread over the tree so caches do not hold one path only
            rotatingTopics[i] = "sensors/" + id + "/" + METRICS[i % METRICS.length];
        }
    }

    /** Per-thread cursors, so the churn benchmark creates fresh filters and rotating matches spread out. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
        String churnClient;

        @Setup(Level.Trial)
        public void setUp() {
            churnClient = "churn-" + Thread.currentThread().getId();
        }
    }

    /** One topic hit by 10 of the 100,000 subscriptions. */
    @Benchmark
    public List<Subscription> matchHotTopic() {
        return tree.match("sensors/4242/temperature");
    }

    /** Topics spread over 22,500 sensors and 4 metrics: 4 to 10 hits each, depending on metric and sensor. */
    @Benchmark
    public List<Subscription> matchRotatingTopics(Cursor cursor) {
        return tree.match(rotatingTopics[cursor.next++ & (rotatingTopics.length - 1)]);
    }

    /** A sensor nobody subscribes to specifically: only the 8 broad wildcards match. */
    @Benchmark
    public List<Subscription> matchUnknownSensor() {
        return tree.match("sensors/999999/temperature");
    }

    /** The full routing step on the PUBLISH path: match plus shared-subscription selection (none shared here). */
    @Benchmark
    public List<Subscription> matchAndSelect() {
        return selector.select(tree.match("sensors/4242/temperature"), id -> true);
    }

    /** Subscribe a new exact filter and remove it again (node creation plus pruning), next to 100,000 others. */
    @Benchmark
    public Subscription subscribeUnsubscribeChurn(Cursor cursor) {
        String filter = "sensors/" + (cursor.next++ % EXACT_SENSORS) + "/churn";
        tree.subscribe(Subscription.of(cursor.churnClient, filter, MqttQos.AT_MOST_ONCE));
        return tree.unsubscribe(cursor.churnClient, null, filter);
    }

    /** Same churn with a wildcard filter that creates a whole new branch each time. */
    @Benchmark
    public Subscription subscribeUnsubscribeNewBranch(Cursor cursor) {
        String filter = "rooms/" + (cursor.next++ & 0xFFFF) + "/+/#";
        tree.subscribe(Subscription.of(cursor.churnClient, filter, MqttQos.AT_MOST_ONCE));
        return tree.unsubscribe(cursor.churnClient, null, filter);
    }
}
