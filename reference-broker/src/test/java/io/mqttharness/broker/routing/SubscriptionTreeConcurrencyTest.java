package io.mqttharness.broker.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.MqttQos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Smoke test: writer threads churn their own clients' subscriptions while reader threads match. Readers check
 * that subscriptions nobody touches are always found; at the end the tree must equal each writer's model.
 */
class SubscriptionTreeConcurrencyTest {

    private static final int WRITERS = 3;
    private static final int READERS = 3;
    private static final int OPERATIONS_PER_WRITER = 20_000;
    private static final String[] FILTERS = {
        "s/1/t", "s/1/+", "s/+/t", "s/#", "#", "s/2/t", "s/2/+", "+/+/+", "s//t", "$SYS/#", "s/1/t/x",
    };
    private static final String[] TOPICS = {"s/1/t", "s/2/t", "s/3/h", "s", "s//t", "$SYS/x", "s/1/t/x"};

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concurrent_subscribe_unsubscribe_and_match_stay_consistent() throws Exception {
        SubscriptionTree tree = new SubscriptionTree();
        // Never touched by writers: every match of "s/1/t" must contain both, whatever else happens.
        Subscription stableExact = Subscription.of("stable", "s/1/t", MqttQos.AT_MOST_ONCE);
        Subscription stableWildcard = Subscription.shared("stable", "g", "s/+/t", MqttQos.AT_MOST_ONCE);
        tree.subscribe(stableExact);
        tree.subscribe(stableWildcard);

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> readerFailures = new ConcurrentLinkedQueue<>();
        List<Future<Map<String, Subscription>>> writers = new ArrayList<>();
        try {
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    start.await();
                    return churn(tree, writer);
                }));
            }
            List<Future<Long>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    long matches = 0;
                    int i = 0;
                    while (writing.get()) {
                        String topic = TOPICS[i++ % TOPICS.length];
                        List<Subscription> found = tree.match(topic);
                        if (topic.equals("s/1/t") && !(found.contains(stableExact) && found.contains(stableWildcard))) {
                            readerFailures.add("stable subscriptions missing from " + found);
                        }
                        if (topic.startsWith("$") && found.stream().anyMatch(s -> !s.topicFilter().startsWith("$"))) {
                            readerFailures.add("wildcard matched $ topic: " + found);
                        }
                        matches++;
                    }
                    return matches;
                }));
            }
            start.countDown();

            Map<String, Subscription> expected = new HashMap<>();
            for (Future<Map<String, Subscription>> writer : writers) {
                expected.putAll(writer.get(50, TimeUnit.SECONDS));
            }
            writing.set(false);
            long totalMatches = 0;
            for (Future<Long> reader : readers) {
                totalMatches += reader.get(10, TimeUnit.SECONDS);
            }

            assertThat(readerFailures).isEmpty();
            assertThat(totalMatches).isPositive();
            assertThat(tree.size()).isEqualTo(expected.size() + 2);
            for (int w = 0; w < WRITERS; w++) {
                for (int c = 0; c < 4; c++) {
                    String clientId = "w" + w + "c" + c;
                    List<Subscription> modelOfClient = expected.values().stream()
                            .filter(s -> s.clientId().equals(clientId)).toList();
                    assertThat(tree.subscriptionsOf(clientId)).containsExactlyInAnyOrderElementsOf(modelOfClient);
                }
            }
            for (String topic : TOPICS) {
                List<Subscription> model = new ArrayList<>();
                for (Subscription s : expected.values()) {
                    if (ReferenceTopicMatcher.matches(s.topicFilter(), topic)) {
                        model.add(s);
                    }
                }
                assertThat(tree.match(topic)).filteredOn(s -> !s.clientId().equals("stable"))
                        .containsExactlyInAnyOrderElementsOf(model);
            }

            for (int w = 0; w < WRITERS; w++) {
                for (int c = 0; c < 4; c++) {
                    tree.removeAllOf("w" + w + "c" + c);
                }
            }
            assertThat(tree.size()).isEqualTo(2);
            tree.removeAllOf("stable");
            assertThat(tree.nodeCount()).as("all branches pruned").isEqualTo(1);
        } finally {
            writing.set(false);
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Random subscribe/unsubscribe of this writer's own clients; returns the final model keyed by identity. */
    private static Map<String, Subscription> churn(SubscriptionTree tree, int writer) {
        Random random = new Random(writer);
        Map<String, Subscription> model = new HashMap<>();
        for (int i = 0; i < OPERATIONS_PER_WRITER; i++) {
            String clientId = "w" + writer + "c" + random.nextInt(4);
            String filter = FILTERS[random.nextInt(FILTERS.length)];
            String group = random.nextInt(4) == 0 ? "g" + random.nextInt(2) : null;
            String key = clientId + "|" + group + "|" + filter;
            if (random.nextBoolean()) {
                Subscription s = new Subscription(clientId, filter, group, MqttQos.fromCode(random.nextInt(3)),
                        false, false, 0, null);
                Subscription replaced = tree.subscribe(s);
                if (!Objects.equals(replaced, model.put(key, s))) {
                    throw new AssertionError("subscribe returned " + replaced + " for " + key);
                }
            } else {
                Subscription removed = tree.unsubscribe(clientId, group, filter);
                if (!Objects.equals(removed, model.remove(key))) {
                    throw new AssertionError("unsubscribe returned " + removed + " for " + key);
                }
            }
        }
        return model;
    }
}
