package io.mqttharness.load.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.MqttBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link LoadRunner} with the sensor-fleet scenario against the embedded reference broker. */
class LoadRunnerSensorFleetTest {

    @Test
    @Timeout(60)
    void two_dashboards_each_receive_every_qos1_message_and_results_are_written(@TempDir Path dir) throws Exception {
        List<LoadProgressListener.LoadProgress> ticks = new ArrayList<>();
        LoadResult result;
        try (MqttBroker broker = MqttBroker.startLoopback()) {
            LoadRequest request = LoadRequests.of(LoadScenario.SENSOR_FLEET, broker.port(), "5", 20, 10, 1,
                    Duration.ofSeconds(3), 2, dir);
            result = new LoadRunner().run(request, ticks::add);
        }
        System.out.println("sensor-fleet smoke: " + result.messages() + " e2e " + result.endToEnd().p50() + "/"
                + result.endToEnd().p99() + " us, overruns " + result.overruns());

        // 20 sensors x 10 msg/s x 3 s, give or take one slot per sensor at the edges
        assertThat(result.messages().published()).isBetween(20L * 29, 20L * 31);
        // each dashboard counts its own copy: twice the published count, none a duplicate
        assertThat(result.messages().received()).isEqualTo(2 * result.messages().published());
        assertThat(result.messages().duplicates()).isZero();
        assertThat(result.messages().lost()).isZero();
        assertThat(result.messages().outOfOrder()).isZero();
        assertThat(result.requests().get("publish").ok()).isEqualTo(result.messages().published());
        assertThat(result.requests().get("connect").ok()).isEqualTo(22);
        assertThat(result.requests().get("delivery check").ok()).isEqualTo(2);
        assertThat(result.errors()).isEmpty();
        assertThat(result.connectionsReached()).isEqualTo(22);
        assertThat(result.endToEnd().count()).isEqualTo(result.messages().received());
        assertThat(result.endToEnd().p99()).isPositive().isLessThanOrEqualTo(result.endToEnd().max());
        assertThat(result.achievedRate()).isBetween(190.0, 210.0);
        assertThat(ticks).as("about one progress call per second").hasSizeGreaterThanOrEqualTo(4);
        assertThat(ticks.get(ticks.size() - 1).published()).isPositive();

        assertThat(Files.readString(dir.resolve("e2e-latency.hgrm"))).contains("Percentile", "#[Max");
        assertThat(result.gatlingReport().resolve("index.html")).exists();
        LoadResult read = LoadSummaryFiles.read(dir.resolve("load-summary.json"));
        assertThat(read.messages()).isEqualTo(result.messages());
        assertThat(read.endToEnd().p99()).isEqualTo(result.endToEnd().p99());
        assertThat(read.started()).isEqualTo(result.started());
        assertThat(Files.readString(dir.resolve("load-counts.json"))).contains("bySubscriber", "bySensor");
    }
}
