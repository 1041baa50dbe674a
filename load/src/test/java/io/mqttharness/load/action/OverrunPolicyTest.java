package io.mqttharness.load.action;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The open-workload schedule's overrun rules. Times in nanoseconds; interval 100 ms, tolerance 10 ms. */
class OverrunPolicyTest {
    private static final long MS = 1_000_000L;
    private final OverrunPolicy policy = new OverrunPolicy(1_000 * MS, 100 * MS);

    @Test
    void an_on_time_tick_of_an_idle_sensor_is_no_overrun() {
        OverrunPolicy.Tick tick = policy.tick(3, 1_300 * MS + 2 * MS, false);

        assertThat(tick).isEqualTo(new OverrunPolicy.Tick(3, 0, 0));
    }

    @Test
    void a_slot_due_while_the_previous_publish_is_unacknowledged_is_an_overrun_but_still_published() {
        OverrunPolicy.Tick tick = policy.tick(3, 1_300 * MS, true);

        assertThat(tick.slot()).isEqualTo(3);
        assertThat(tick.overruns()).isEqualTo(1);
    }

    @Test
    void a_slot_started_later_than_the_tolerance_is_an_overrun() {
        assertThat(policy.tick(3, 1_300 * MS + 10 * MS, false).overruns()).as("at the tolerance").isZero();
        assertThat(policy.tick(3, 1_300 * MS + 11 * MS, false).overruns()).as("beyond it").isEqualTo(1);
    }

    @Test
    void whole_missed_slots_are_skipped_and_each_counted() {
        // slot 3 was due at 1,300 ms; waking at 1,551 ms missed slots 3 and 4, slot 5 is 51 ms late
        OverrunPolicy.Tick tick = policy.tick(3, 1_551 * MS, false);

        assertThat(tick.slot()).isEqualTo(5);
        assertThat(tick.skipped()).isEqualTo(2);
        assertThat(tick.overruns()).isEqualTo(3);
    }

    @Test
    void the_schedule_is_fixed_from_the_start_not_from_the_previous_publish() {
        assertThat(policy.dueNanos(0)).isEqualTo(1_000 * MS);
        assertThat(policy.dueNanos(10)).isEqualTo(2_000 * MS);
    }

    @Test
    void tolerance_is_half_an_interval_for_fast_rates() {
        OverrunPolicy fast = new OverrunPolicy(0, 4 * MS); // 250 msg/s: tolerance 2 ms
        assertThat(fast.tick(1, 4 * MS + 2 * MS, false).overruns()).isZero();
        assertThat(fast.tick(1, 4 * MS + 3 * MS, false).overruns()).isEqualTo(1);
    }
}
