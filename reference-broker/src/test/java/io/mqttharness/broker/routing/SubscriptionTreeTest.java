package io.mqttharness.broker.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.MqttQos;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionTreeTest {

    private final SubscriptionTree tree = new SubscriptionTree();

    private static Subscription sub(String clientId, String filter) {
        return Subscription.of(clientId, filter, MqttQos.AT_LEAST_ONCE);
    }

    @Test
    void empty_tree_matches_nothing() {
        assertThat(tree.match("a/b")).isEmpty();
        assertThat(tree.size()).isZero();
        assertThat(tree.nodeCount()).isEqualTo(1);
    }

    @Test
    void overlapping_filters_of_one_client_are_all_returned() {
        Subscription exact = sub("c1", "sensors/1/temperature");
        Subscription wildcard = sub("c1", "sensors/+/temperature");
        Subscription all = sub("c1", "#");
        tree.subscribe(exact);
        tree.subscribe(wildcard);
        tree.subscribe(all);
        tree.subscribe(sub("c1", "sensors/2/temperature"));

        assertThat(tree.match("sensors/1/temperature")).containsExactlyInAnyOrder(exact, wildcard, all);
    }

    @Test
    void subscribing_the_same_filter_again_replaces_and_returns_the_old_subscription() {
        Subscription first = Subscription.of("c1", "a/b", MqttQos.AT_MOST_ONCE);
        Subscription second = new Subscription("c1", "a/b", null, MqttQos.EXACTLY_ONCE, true, true, 2, 7);

        assertThat(tree.subscribe(first)).isNull();
        assertThat(tree.subscribe(second)).isSameAs(first);

        assertThat(tree.size()).isEqualTo(1);
        assertThat(tree.match("a/b")).containsExactly(second);
        assertThat(tree.subscriptionsOf("c1")).containsExactly(second);
    }

    @Test
    void same_filter_from_other_client_or_in_a_share_group_is_a_separate_subscription() {
        Subscription plain = sub("c1", "a/b");
        Subscription otherClient = sub("c2", "a/b");
        Subscription shared = Subscription.shared("c1", "g", "a/b", MqttQos.AT_MOST_ONCE);

        assertThat(tree.subscribe(plain)).isNull();
        assertThat(tree.subscribe(otherClient)).isNull();
        assertThat(tree.subscribe(shared)).isNull();

        assertThat(tree.size()).isEqualTo(3);
        assertThat(tree.match("a/b")).containsExactlyInAnyOrder(plain, otherClient, shared);
    }

    @Test
    void unsubscribe_removes_only_the_identified_subscription() {
        Subscription plain = sub("c1", "a/+");
        Subscription shared = Subscription.shared("c1", "g", "a/+", MqttQos.AT_MOST_ONCE);
        tree.subscribe(plain);
        tree.subscribe(shared);

        assertThat(tree.unsubscribe("c1", "g", "a/+")).isEqualTo(shared);
        assertThat(tree.unsubscribe("c1", "g", "a/+")).isNull();
        assertThat(tree.unsubscribe("c2", null, "a/+")).isNull();
        assertThat(tree.unsubscribe("c1", null, "a/b")).isNull();

        assertThat(tree.match("a/x")).containsExactly(plain);
        assertThat(tree.size()).isEqualTo(1);
    }

    @Test
    void unsubscribe_prunes_empty_nodes_so_churn_does_not_grow_the_trie() {
        tree.subscribe(sub("keep", "a/b"));
        int baseline = tree.nodeCount();
        for (int i = 0; i < 1_000; i++) {
            String filter = "a/b/c" + i + "/+/d/#";
            tree.subscribe(sub("churn", filter));
            assertThat(tree.unsubscribe("churn", null, filter)).isNotNull();
        }
        assertThat(tree.nodeCount()).isEqualTo(baseline);
        assertThat(tree.unsubscribe("keep", null, "a/b")).isNotNull();
        assertThat(tree.nodeCount()).isEqualTo(1);
        assertThat(tree.subscriptionsOf("keep")).isEmpty();
    }

    @Test
    void unsubscribe_keeps_nodes_that_still_have_children() {
        tree.subscribe(sub("c1", "a"));
        tree.subscribe(sub("c2", "a/b"));

        tree.unsubscribe("c1", null, "a");

        assertThat(tree.match("a")).isEmpty();
        assertThat(tree.match("a/b")).extracting(Subscription::clientId).containsExactly("c2");
        assertThat(tree.nodeCount()).isEqualTo(3);
    }

    @Test
    void removeAllOf_removes_every_subscription_of_the_client_and_nothing_else() {
        Subscription a = sub("c1", "a/#");
        Subscription b = Subscription.shared("c1", "g", "b", MqttQos.AT_MOST_ONCE);
        Subscription other = sub("c2", "a/#");
        tree.subscribe(a);
        tree.subscribe(b);
        tree.subscribe(other);

        assertThat(tree.removeAllOf("c1")).containsExactlyInAnyOrder(a, b);
        assertThat(tree.removeAllOf("c1")).isEmpty();

        assertThat(tree.size()).isEqualTo(1);
        assertThat(tree.subscriptionsOf("c1")).isEmpty();
        assertThat(tree.subscriptionsOf("c2")).containsExactly(other);
        assertThat(tree.match("a/x")).containsExactly(other);
        assertThat(tree.match("b")).isEmpty();
    }

    @Test
    void subscriptionsOf_lists_all_filters_of_the_client() {
        tree.subscribe(sub("c1", "x"));
        tree.subscribe(sub("c1", "y/+"));
        tree.subscribe(sub("c2", "z"));

        assertThat(tree.subscriptionsOf("c1")).extracting(Subscription::topicFilter).containsExactlyInAnyOrder("x", "y/+");
        assertThat(tree.subscriptionsOf("nobody")).isEmpty();
    }

    @Test
    void match_returns_shared_and_non_shared_subscriptions() {
        Subscription plain = sub("c1", "t/+");
        Subscription g1 = Subscription.shared("c2", "g", "t/+", MqttQos.AT_MOST_ONCE);
        Subscription g2 = Subscription.shared("c3", "g", "t/+", MqttQos.AT_MOST_ONCE);
        tree.subscribe(plain);
        tree.subscribe(g1);
        tree.subscribe(g2);

        assertThat(tree.match("t/1")).containsExactlyInAnyOrder(plain, g1, g2);
    }

    @Test
    void very_deep_topics_and_filters_do_not_overflow_the_stack() {
        String deepFilter = "+/".repeat(20_000) + "#";
        String deepTopic = "a/".repeat(30_000) + "z";
        tree.subscribe(sub("c1", deepFilter));
        tree.subscribe(sub("c2", "#"));

        assertThat(tree.match(deepTopic)).extracting(Subscription::clientId).containsExactlyInAnyOrder("c1", "c2");
        assertThat(tree.unsubscribe("c1", null, deepFilter)).isNotNull();
        assertThat(tree.nodeCount()).isEqualTo(2);
    }

    /**
     * Cross-checks the trie against a straightforward per-filter matcher over random filters and topics built
     * from few levels, so that empty levels, '$' levels and wildcards collide often.
     */
    @Test
    void trie_agrees_with_a_reference_matcher_on_random_filters_and_topics() {
        Random random = new Random(42);
        String[] topicLevels = {"a", "b", "", "$s", "A"};
        List<String> filters = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (filters.size() < 400) {
            String filter = randomFilter(random, topicLevels);
            if (seen.add(filter)) {
                filters.add(filter);
                tree.subscribe(sub("c" + filters.size(), filter));
            }
        }
        for (int t = 0; t < 2_000; t++) {
            String topic = randomTopic(random, topicLevels);
            Set<String> expected = new HashSet<>();
            for (String filter : filters) {
                if (ReferenceTopicMatcher.matches(filter, topic)) {
                    expected.add(filter);
                }
            }
            Set<String> actual = new HashSet<>();
            for (Subscription s : tree.match(topic)) {
                assertThat(actual.add(s.topicFilter())).as("duplicate for %s", topic).isTrue();
            }
            assertThat(actual).as("topic '%s'", topic).isEqualTo(expected);
        }
    }

    private static String randomFilter(Random random, String[] levels) {
        int depth = 1 + random.nextInt(4);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            if (i > 0) {
                sb.append('/');
            }
            int r = random.nextInt(10);
            if (r < 2) {
                sb.append('+');
            } else if (r == 2) {
                sb.append('#');
                break;
            } else {
                sb.append(levels[random.nextInt(levels.length)]);
            }
        }
        String filter = sb.toString();
        return filter.isEmpty() ? "x" : filter;
    }

    private static String randomTopic(Random random, String[] levels) {
        int depth = 1 + random.nextInt(5);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(levels[random.nextInt(levels.length)]);
        }
        String topic = sb.toString();
        return topic.isEmpty() ? "/" : topic;
    }
}
