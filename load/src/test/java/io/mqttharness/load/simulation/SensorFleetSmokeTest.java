package io.mqttharness.load.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.load.GatlingRunner;
import io.mqttharness.load.GatlingStats;
import io.mqttharness.load.e2e.E2eLatencyTracker;
import io.mqttharness.load.e2e.E2eSummary;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link SensorFleet} in-process with Gatling against an embedded reference broker. */
class SensorFleetSmokeTest {
    private static final Map<String, String> SETTINGS = Map.of(
            "mqtt.sensors", "20",
            "mqtt.rate", "10",
            "mqtt.qos", "1",
            "mqtt.duration", "3",
            "mqtt.ramp", "1",
            "mqtt.host", "127.0.0.1");

    private MqttBroker broker;

    @BeforeEach
    void startBroker() {
        broker = MqttBroker.startLoopback();
        SETTINGS.forEach(System::setProperty);
        System.setProperty("mqtt.port", Integer.toString(broker.port()));
    }

    @AfterEach
    void stopBroker() {
        SETTINGS.keySet().forEach(System::clearProperty);
        System.clearProperty("mqtt.port");
        broker.close();
    }

    @Test
    @Timeout(60)
    void twenty_qos1_sensors_deliver_every_message_to_the_subscriber(@TempDir Path results) throws Exception {
        Path e2eReport = results.resolve("e2e-latency-us.hgrm");
        System.setProperty("mqtt.e2eReport", e2eReport.toString());
        int exitCode;
        try {
            exitCode = GatlingRunner.run(SensorFleet.class, results.resolve("gatling"));
        } finally {
            System.clearProperty("mqtt.e2eReport");
        }

        E2eLatencyTracker tracker = SensorFleet.lastTracker();
        E2eSummary summary = tracker.summary();
        System.out.println("SensorFleet smoke: " + summary);
        assertThat(exitCode).as("Gatling exit code").isZero();
        assertThat(summary.sensors()).isEqualTo(20);
        // 20 sensors x 10 msg/s x 3 s, give or take one paced iteration per sensor
        assertThat(summary.published()).isBetween(20L * 25, 20L * 32);
        assertThat(summary.received()).isEqualTo(summary.published());
        assertThat(summary.lost()).isZero();
        assertThat(summary.duplicates()).isZero();
        assertThat(summary.p99Micros()).isPositive();
        assertThat(java.nio.file.Files.readString(e2eReport)).contains("Percentile", "#[Max");
        GatlingStats stats = GatlingStats.of(results.resolve("gatling"));
        assertThat(stats.global().ko()).as("KO requests in the report").isZero();
        assertThat(stats.counts("publish").total()).isEqualTo(summary.published());
        assertThat(stats.counts("e2e latency").ok()).isEqualTo(summary.received());
        assertThat(stats.counts("connect").ok()).isEqualTo(21);
        assertThat(stats.counts("subscribe").ok()).isEqualTo(1);
    }
}
