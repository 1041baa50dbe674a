package io.mqttharness.load.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class E2eLatencyTrackerTest {
    private final E2eLatencyTracker tracker = new E2eLatencyTracker();

    @Test
    void summary_counts_duplicates_out_of_order_and_lost_per_sensor() {
        for (long seq = 0; seq < 5; seq++) {
            tracker.recordPublished(1, seq);
        }
        tracker.recordPublished(2, 0);
        tracker.recordReceived(1, 0, 1_000_000);
        tracker.recordReceived(1, 2, 2_000_000);
        tracker.recordReceived(1, 1, 3_000_000); // after 2: out of order
        tracker.recordReceived(1, 1, 4_000_000); // again: duplicate
        tracker.recordReceived(2, 0, 5_000_000); // sequence 0 of another sensor is not a duplicate

        E2eSummary summary = tracker.summary();

        assertThat(summary.sensors()).isEqualTo(2);
        assertThat(summary.published()).isEqualTo(6);
        assertThat(summary.received()).isEqualTo(4);
        assertThat(summary.duplicates()).isEqualTo(1);
        assertThat(summary.outOfOrder()).isEqualTo(1);
        assertThat(summary.lost()).isEqualTo(2); // sensor 1, sequences 3 and 4
    }

    @Test
    void histogram_is_in_microseconds() {
        tracker.recordReceived(1, 0, 250_000);   // 250 us
        tracker.recordReceived(1, 1, 1_500_000); // 1,500 us

        E2eSummary summary = tracker.summary();

        assertThat(summary.p50Micros()).isBetween(249L, 251L);
        assertThat(summary.maxMicros()).isBetween(1499L, 1501L);
    }

    @Test
    void writes_percentile_distribution_file(@TempDir Path dir) throws Exception {
        tracker.recordReceived(1, 0, 100_000);
        Path file = dir.resolve("e2e/latency-us.hgrm");

        tracker.writePercentiles(file);

        assertThat(Files.readString(file)).contains("Value", "Percentile", "#[Max");
    }
}
