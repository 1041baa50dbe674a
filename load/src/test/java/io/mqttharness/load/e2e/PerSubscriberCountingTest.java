package io.mqttharness.load.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link E2eLatencyTracker} counting each subscriber on its own, by the topics it subscribed to. */
class PerSubscriberCountingTest {
    private final E2eLatencyTracker tracker = new E2eLatencyTracker();

    @Test
    void two_dashboards_receiving_the_same_message_are_not_duplicates() {
        tracker.subscribed("dash-a", "sensors/#");
        tracker.subscribed("dash-b", "sensors/#");
        tracker.recordPublished(1, "sensors/1/temperature", 0);
        tracker.recordReceived("dash-a", 1, 0, 1_000);
        tracker.recordReceived("dash-b", 1, 0, 1_000);

        E2eSummary summary = tracker.summary();

        assertThat(summary.received()).isEqualTo(2);
        assertThat(summary.duplicates()).isZero();
        assertThat(summary.lost()).isZero();
        assertThat(summary.subscribers()).isEqualTo(2);
    }

    @Test
    void a_second_copy_to_the_same_subscriber_is_a_duplicate() {
        tracker.subscribed("dash-a", "sensors/#");
        tracker.recordPublished(1, "sensors/1/temperature", 0);
        tracker.recordReceived("dash-a", 1, 0, 1_000);
        tracker.recordReceived("dash-a", 1, 0, 1_000);

        assertThat(tracker.subscriberCounts("dash-a")).isEqualTo(new StreamCounts(0, 1, 0, 1, 0));
    }

    @Test
    void lost_is_counted_per_subscriber_that_expected_the_message() {
        tracker.subscribed("dash-a", "sensors/#");
        tracker.subscribed("dash-b", "sensors/#");
        for (int seq = 0; seq < 3; seq++) {
            tracker.recordPublished(1, "sensors/1/temperature", seq);
            tracker.recordReceived("dash-a", 1, seq, 1_000);
        }
        tracker.recordReceived("dash-b", 1, 0, 1_000);

        assertThat(tracker.subscriberCounts("dash-a").lost()).isZero();
        assertThat(tracker.subscriberCounts("dash-b").lost()).isEqualTo(2);
        assertThat(tracker.summary().lost()).isEqualTo(2);
        assertThat(tracker.sensorCounts(1)).isEqualTo(new StreamCounts(3, 4, 2, 0, 0));
    }

    @Test
    void a_subscriber_that_never_received_a_sensor_it_subscribed_to_lost_all_of_it() {
        tracker.subscribed("dash-a", "sensors/+/temperature");
        tracker.recordPublished(7, "sensors/7/temperature", 0);
        tracker.recordPublished(7, "sensors/7/temperature", 1);

        assertThat(tracker.subscriberCounts("dash-a").lost()).isEqualTo(2);
    }

    @Test
    void messages_outside_a_subscribers_filter_are_not_expected() {
        tracker.subscribed("temperature-dash", "sensors/+/temperature");
        tracker.recordPublished(1, "sensors/1/temperature", 0);
        tracker.recordPublished(2, "sensors/2/humidity", 0);
        tracker.recordReceived("temperature-dash", 1, 0, 1_000);

        assertThat(tracker.subscriberCounts("temperature-dash")).isEqualTo(new StreamCounts(0, 1, 0, 0, 0));
    }

    @Test
    void a_shared_subscription_group_is_one_subscriber_whichever_member_got_the_message() {
        String group = E2eLatencyTracker.subscriberKey("consumer-1", "$share/g/fanin/+");
        assertThat(E2eLatencyTracker.subscriberKey("consumer-2", "$share/g/fanin/+")).isEqualTo(group);
        tracker.subscribed(group, "$share/g/fanin/+");
        tracker.recordPublished(1, "fanin/1", 0);
        tracker.recordPublished(1, "fanin/1", 1);
        tracker.recordPublished(2, "fanin/2", 0);
        tracker.recordReceived(group, 1, 0, 1_000);
        tracker.recordReceived(group, 1, 1, 1_000);

        StreamCounts counts = tracker.subscriberCounts(group);

        assertThat(counts.received()).isEqualTo(2);
        assertThat(counts.lost()).as("sensor 2's message reached no member").isEqualTo(1);
        assertThat(tracker.summary().subscribers()).isEqualTo(1);
    }

    @Test
    void out_of_order_is_per_subscriber_and_sensor() {
        tracker.subscribed("dash-a", "sensors/#");
        tracker.subscribed("dash-b", "sensors/#");
        for (int seq = 0; seq < 3; seq++) {
            tracker.recordPublished(1, "sensors/1/t", seq);
        }
        tracker.recordReceived("dash-a", 1, 0, 1_000);
        tracker.recordReceived("dash-a", 1, 2, 1_000);
        tracker.recordReceived("dash-a", 1, 1, 1_000); // after 2: out of order
        tracker.recordReceived("dash-b", 1, 2, 1_000); // b's own order starts at 2
        tracker.recordReceived("dash-b", 1, 1, 1_000); // out of order for b too
        tracker.recordReceived("dash-b", 1, 0, 1_000); // and again

        assertThat(tracker.subscriberCounts("dash-a").outOfOrder()).isEqualTo(1);
        assertThat(tracker.subscriberCounts("dash-b").outOfOrder()).isEqualTo(2);
        assertThat(tracker.summary().outOfOrder()).isEqualTo(3);
    }

    @Test
    void overruns_are_counted() {
        tracker.recordOverrun();
        tracker.recordOverrun();

        assertThat(tracker.summary().overruns()).isEqualTo(2);
    }
}
