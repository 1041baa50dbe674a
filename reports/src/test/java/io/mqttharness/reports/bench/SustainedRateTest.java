package io.mqttharness.reports.bench;

import static io.mqttharness.reports.bench.BenchFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.reports.bench.BenchResults.RatePoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class SustainedRateTest {

    @Test
    void p99_of_exactly_100_ms_is_sustained_and_one_microsecond_more_is_not() {
        assertThat(SustainedRate.sustained(step("w", 0, 1000, 1000, 0, 100_000, 10))).isTrue();
        assertThat(SustainedRate.sustained(step("w", 0, 1000, 1000, 0, 100_001, 10))).isFalse();
    }

    @Test
    void a_step_below_95_percent_of_the_offered_rate_is_not_sustained() {
        assertThat(SustainedRate.sustained(step("w", 0, 1000, 950, 0, 1_000, 10))).isTrue();
        assertThat(SustainedRate.sustained(step("w", 0, 1000, 949, 0, 1_000, 10))).isFalse();
    }

    @Test
    void lost_messages_break_qos1_but_not_qos0() {
        assertThat(SustainedRate.sustained(step("w", 0, 1000, 1000, 5, 1_000, 10))).isTrue();
        assertThat(SustainedRate.sustained(step("w", 1, 1000, 1000, 5, 1_000, 10))).isFalse();
    }

    @Test
    void max_sustained_is_the_highest_sustained_step_of_the_workload_and_qos() {
        List<RatePoint> sweep = List.of(
                step("fleet", 1, 1000, 1000, 0, 5_000, 10),
                step("fleet", 1, 2000, 1500, 0, 5_000, 10),       // too slow
                step("fleet", 1, 3000, 2990, 0, 50_000, 10),      // sustained again: steps are independent
                step("fleet", 1, 4000, 3990, 0, 150_000, 10),     // p99 too high
                step("fleet", 0, 8000, 8000, 0, 1_000, 10),       // other QoS
                step("fan-in", 1, 9000, 9000, 0, 1_000, 10));     // other workload
        assertThat(SustainedRate.maxSustained(sweep, "fleet", 1)).get()
                .satisfies(p -> assertThat(p.offeredRate()).isEqualTo(3000))
                .satisfies(p -> assertThat(p.achievedRate()).isEqualTo(2990));
        assertThat(SustainedRate.maxSustained(sweep, "fleet", 2)).isEmpty();
    }

    @Test
    void common_rate_is_the_highest_offered_rate_every_sweep_has() {
        List<RatePoint> a = List.of(step("w", 1, 1000, 1000, 0, 1, 1), step("w", 1, 2000, 2000, 0, 1, 1),
                step("w", 1, 4000, 4000, 0, 1, 1));
        // 1999.5 is the same step as 2000 (within 1 %); 4000 is missing here
        List<RatePoint> b = List.of(step("w", 1, 1000, 1000, 0, 1, 1), step("w", 1, 1999.5, 1999, 0, 1, 1));
        assertThat(SustainedRate.commonRate(List.of(a, b), "w", 1)).hasValue(2000);
        assertThat(SustainedRate.commonRate(List.of(a, List.of(step("w", 1, 3000, 3000, 0, 1, 1))), "w", 1))
                .isEmpty();
        assertThat(SustainedRate.commonRate(List.of(), "w", 1)).isEmpty();
    }
}
