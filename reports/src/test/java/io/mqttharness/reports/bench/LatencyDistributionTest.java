package io.mqttharness.reports.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mqttharness.reports.bench.BenchResults.RatePoint;
import io.mqttharness.reports.bench.LatencyDistribution.Point;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyDistributionTest {

    @Test
    void decodes_the_compressed_histogram_into_ascending_percentiles() {
        Histogram h = new Histogram(3_600_000_000L, 3);
        for (int v = 1; v <= 100_000; v++) {
            h.recordValue(v); // uniform 1..100,000 µs: the p-th percentile is p * 1,000 µs
        }
        RatePoint step = new RatePoint("w", 1, 1, 1, 1, 100_000, 100_000, 0, 0, 1, 1, 1, 1, 1,
                BenchFixtures.encode(h), null);
        List<Point> points = LatencyDistribution.of(step);

        assertThat(points.size()).isGreaterThan(20);
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).percentile()).isGreaterThan(points.get(i - 1).percentile());
            assertThat(points.get(i).micros()).isGreaterThanOrEqualTo(points.get(i - 1).micros());
        }
        Point median = points.stream().filter(p -> p.percentile() >= 50).findFirst().orElseThrow();
        assertThat((double) median.micros()).isCloseTo(median.percentile() * 1000, within(100.0));
        Point last = points.get(points.size() - 1);
        assertThat(last.percentile()).isLessThan(100).isCloseTo(99.999, within(0.0001));
        assertThat(last.micros()).isEqualTo(h.getMaxValue());
        assertThat(last.inverseTail()).isCloseTo(100_000, within(1.0));
    }

    @Test
    void a_step_without_a_usable_histogram_falls_back_to_its_stated_percentiles() {
        RatePoint step = new RatePoint("w", 1, 1, 1, 1, 5000, 5000, 0, 0, 500, 900, 2000, 4000, 9000,
                "not base64 at all!", null);
        assertThat(LatencyDistribution.of(step)).extracting(Point::percentile, Point::micros)
                .startsWith(org.assertj.core.groups.Tuple.tuple(50.0, 500L), org.assertj.core.groups.Tuple.tuple(90.0, 900L),
                        org.assertj.core.groups.Tuple.tuple(99.0, 2000L), org.assertj.core.groups.Tuple.tuple(99.9, 4000L));
        assertThat(LatencyDistribution.of(step)).last().satisfies(p -> assertThat(p.micros()).isEqualTo(9000));
    }

    @Test
    void decode_rejects_bytes_that_are_no_histogram() {
        assertThatThrownBy(() -> LatencyDistribution.decode("AAAA")).isInstanceOf(IllegalArgumentException.class);
    }
}
