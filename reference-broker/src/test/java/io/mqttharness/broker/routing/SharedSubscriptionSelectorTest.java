package io.mqttharness.broker.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.MqttQos;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Shared subscriptions, MQTT 5 section 4.8.2: one session per (ShareName, Topic Filter) gets each message. */
class SharedSubscriptionSelectorTest {

    private static final Predicate<String> ALL_ONLINE = id -> true;

    private final SubscriptionTree tree = new SubscriptionTree();
    private final SharedSubscriptionSelector selector = new SharedSubscriptionSelector();

    private static Subscription shared(String clientId, String group, String filter) {
        return Subscription.shared(clientId, group, filter, MqttQos.AT_LEAST_ONCE);
    }

    private List<String> deliveries(String topic, int messages, Predicate<String> online) {
        List<String> receivers = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            List<Subscription> selected = selector.select(tree.match(topic), online);
            assertThat(selected).hasSize(1);
            receivers.add(selected.get(0).clientId());
        }
        return receivers;
    }

    @Test
    void non_shared_matches_pass_through_unchanged() {
        List<Subscription> matches = List.of(Subscription.of("a", "t", MqttQos.AT_MOST_ONCE),
                Subscription.of("b", "t/#", MqttQos.AT_MOST_ONCE));

        assertThat(selector.select(matches, ALL_ONLINE)).isSameAs(matches);
        assertThat(selector.select(List.of(), ALL_ONLINE)).isEmpty();
    }

    @Test
    void one_member_per_group_receives_each_message_in_round_robin() {
        tree.subscribe(shared("m1", "g", "jobs/+"));
        tree.subscribe(shared("m2", "g", "jobs/+"));
        tree.subscribe(shared("m3", "g", "jobs/+"));

        assertThat(deliveries("jobs/1", 6, ALL_ONLINE)).containsExactly("m1", "m2", "m3", "m1", "m2", "m3");
    }

    @Test
    void online_members_are_preferred_over_offline_ones() {
        tree.subscribe(shared("m1", "g", "jobs"));
        tree.subscribe(shared("m2", "g", "jobs"));
        tree.subscribe(shared("m3", "g", "jobs"));
        Set<String> online = Set.of("m1", "m3");

        assertThat(deliveries("jobs", 6, online::contains)).containsExactly("m1", "m3", "m1", "m3", "m1", "m3");
    }

    @Test
    void when_no_member_is_online_messages_still_go_round_robin_to_offline_members() {
        tree.subscribe(shared("m1", "g", "jobs"));
        tree.subscribe(shared("m2", "g", "jobs"));

        assertThat(deliveries("jobs", 4, id -> false)).containsExactly("m1", "m2", "m1", "m2");
    }

    @Test
    void two_groups_on_the_same_filter_each_get_one_copy_and_non_shared_subscribers_get_theirs() {
        Subscription plain = Subscription.of("p", "jobs/#", MqttQos.AT_MOST_ONCE);
        tree.subscribe(plain);
        tree.subscribe(shared("a1", "ga", "jobs/+"));
        tree.subscribe(shared("a2", "ga", "jobs/+"));
        tree.subscribe(shared("b1", "gb", "jobs/+"));
        tree.subscribe(shared("b2", "gb", "jobs/+"));

        List<Subscription> first = selector.select(tree.match("jobs/7"), ALL_ONLINE);
        List<Subscription> second = selector.select(tree.match("jobs/7"), ALL_ONLINE);

        assertThat(first).hasSize(3).contains(plain);
        assertThat(first).filteredOn(s -> "ga".equals(s.shareGroup())).extracting(Subscription::clientId).containsExactly("a1");
        assertThat(first).filteredOn(s -> "gb".equals(s.shareGroup())).extracting(Subscription::clientId).containsExactly("b1");
        assertThat(second).filteredOn(s -> "ga".equals(s.shareGroup())).extracting(Subscription::clientId).containsExactly("a2");
        assertThat(second).filteredOn(s -> "gb".equals(s.shareGroup())).extracting(Subscription::clientId).containsExactly("b2");
    }

    @Test
    void same_share_name_with_different_filters_are_different_shared_subscriptions() {
        // A shared subscription is identified by ShareName and Topic Filter together (section 4.8.2).
        tree.subscribe(shared("m1", "g", "jobs/+"));
        tree.subscribe(shared("m2", "g", "jobs/#"));

        List<Subscription> selected = selector.select(tree.match("jobs/1"), ALL_ONLINE);

        assertThat(selected).extracting(Subscription::clientId).containsExactlyInAnyOrder("m1", "m2");
    }

    @Test
    void round_robin_survives_a_member_leaving() {
        tree.subscribe(shared("m1", "g", "jobs"));
        tree.subscribe(shared("m2", "g", "jobs"));
        tree.subscribe(shared("m3", "g", "jobs"));
        assertThat(deliveries("jobs", 2, ALL_ONLINE)).containsExactly("m1", "m2");

        tree.unsubscribe("m2", "g", "jobs");

        assertThat(deliveries("jobs", 4, ALL_ONLINE)).containsExactlyInAnyOrder("m1", "m3", "m1", "m3");
    }

    @Test
    void cursor_memory_is_bounded_under_group_churn() {
        SharedSubscriptionSelector small = new SharedSubscriptionSelector(10);
        for (int i = 0; i < 100; i++) {
            List<Subscription> matches = List.of(shared("x", "g" + i, "t"), shared("y", "g" + i, "t"));
            assertThat(small.select(matches, ALL_ONLINE)).hasSize(1);
        }
        assertThat(small.trackedGroups()).isLessThanOrEqualTo(10);
    }
}
