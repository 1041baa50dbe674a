package io.mqttharness.load.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadAssertionsTest {

    @Test
    void parses_latency_with_units_into_microseconds() {
        List<LoadAssertion> parsed = LoadAssertions.parse("p99<50ms, p50<=800us,max<2s,p999<1.5ms,p99.99<3ms");

        assertThat(parsed).extracting(LoadAssertion::threshold).containsExactly(50_000.0, 800.0, 2_000_000.0,
                1_500.0, 3_000.0);
        assertThat(parsed).extracting(LoadAssertion::metric).containsExactly(LoadAssertion.Metric.P99,
                LoadAssertion.Metric.P50, LoadAssertion.Metric.MAX, LoadAssertion.Metric.P999,
                LoadAssertion.Metric.P9999);
        assertThat(parsed.get(1).operator()).isEqualTo(LoadAssertion.Operator.LE);
    }

    @Test
    void parses_counts_percentages_and_rate() {
        List<LoadAssertion> parsed = LoadAssertions.parse("loss=0,duplicates<0.5%,outoforder==0,overruns<=10,ko<1%,"
                + "rate>=4900/s,connections>=100");

        assertThat(parsed).extracting(LoadAssertion::percent).containsExactly(false, true, false, false, true, false,
                false);
        assertThat(parsed.get(5).threshold()).isEqualTo(4900.0);
        assertThat(parsed.get(2).operator()).isEqualTo(LoadAssertion.Operator.EQ);
    }

    @Test
    void rejects_bad_text_with_a_message_that_says_what_is_expected() {
        assertThatThrownBy(() -> LoadAssertions.parse("p99<50")).hasMessageContaining("needs a unit: us, ms or s");
        assertThatThrownBy(() -> LoadAssertions.parse("p99<50min")).hasMessageContaining("unknown unit 'min'");
        assertThatThrownBy(() -> LoadAssertions.parse("latency<5ms")).hasMessageContaining("unknown metric 'latency'");
        assertThatThrownBy(() -> LoadAssertions.parse("p99 fast")).hasMessageContaining("cannot read assertion");
        assertThatThrownBy(() -> LoadAssertions.parse("rate>=5%")).hasMessageContaining("cannot be a percentage");
        assertThatThrownBy(() -> LoadAssertions.parse("loss=0ms")).hasMessageContaining("unexpected unit 'ms'");
        assertThatThrownBy(() -> LoadAssertions.parse(" , ")).hasMessageContaining("empty assertion");
    }

    @Test
    void checks_against_a_result() {
        LoadResult result = result(1_000, 40_000, 2, 0);

        List<LoadAssertion.Outcome> outcomes = LoadAssertions.check(
                LoadAssertions.parse("p99<50ms,p99<30ms,loss=0,loss<1%,rate>=90,ko=0"), result);

        assertThat(outcomes).extracting(LoadAssertion.Outcome::passed)
                .containsExactly(true, false, false, true, true, true);
        assertThat(outcomes.get(1).describe()).isEqualTo("p99<30ms: actual 40.000 ms");
        assertThat(outcomes.get(3).actual()).isEqualTo(0.2); // 2 lost of 1,000 expected
    }

    @Test
    void ko_counts_every_request_name() {
        LoadResult result = result(10, 100, 0, 3);

        assertThat(LoadAssertions.check(LoadAssertions.parse("ko<=3,ko<3"), result))
                .extracting(LoadAssertion.Outcome::passed).containsExactly(true, false);
    }

    private static LoadResult result(long received, long p99Micros, long lost, long ko) {
        LoadResult.LatencyMicros latency = new LoadResult.LatencyMicros(received, p99Micros / 2, p99Micros / 2,
                p99Micros, p99Micros, p99Micros, p99Micros, p99Micros / 2.0, List.of(), "");
        return new LoadResult("sensor-fleet", "tcp://x:1", "5", 1, Instant.EPOCH, Duration.ofSeconds(10), 100,
                100, new LoadResult.MessageCounts(received, received - lost, lost, 0, 0), 0, latency,
                Map.of("publish", new LoadResult.RequestStats(received, ko, 1, 2, 3)), 10, 1.0, null, null, Map.of());
    }
}
