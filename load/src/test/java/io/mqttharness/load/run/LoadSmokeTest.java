package io.mqttharness.load.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.MqttBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI smoke: a few hundred sensors for 10 s of publishing (about 15 s in all), with the assertions a user would write, against
 * the embedded reference broker and against mosquitto. Figures are printed for the record.
 */
class LoadSmokeTest {
    /**
     * Loose latency bound: CI machines are shared and noisy (Gatling, the embedded broker and other builds share two
     * cores); loss, duplicates and order are exact.
     */
    private static final String ASSERTIONS = "p99<1s,loss=0,duplicates=0,outoforder=0,rate>=270";

    @Test
    @Timeout(60)
    void three_hundred_sensors_against_the_reference_broker(@TempDir Path dir) throws Exception {
        try (MqttBroker broker = MqttBroker.startLoopback()) {
            try {
                runAndCheck("reference broker", broker.port(), "5", dir);
            } finally {
                System.out.println("reference broker dropped " + broker.context().stats().messagesDropped());
            }
        }
    }

    @Test
    @Timeout(60)
    void three_hundred_sensors_against_mosquitto(@TempDir Path dir) throws Exception {
        try (MosquittoProcess mosquitto = MosquittoProcess.start(dir)) {
            runAndCheck("mosquitto", mosquitto.port(), "3.1.1", dir.resolve("report"));
        }
    }

    private static void runAndCheck(String broker, int port, String version, Path dir) throws Exception {
        // 300 sensors x 1 msg/s x 10 s = 3,000 messages to one sensors/# dashboard
        LoadResult result = new LoadRunner().run(LoadRequests.of(LoadScenario.SENSOR_FLEET, port, version, 300, 1, 1,
                Duration.ofSeconds(10), 1, dir), LoadProgressListener.NONE);

        List<LoadAssertion.Outcome> outcomes = LoadAssertions.check(LoadAssertions.parse(ASSERTIONS), result);
        System.out.printf("smoke %s: %s, overruns %d, e2e us p50 %d p99 %d p99.9 %d max %d, %.1f s, CPU %.1f s%n",
                broker, result.messages(), result.overruns(), result.endToEnd().p50(), result.endToEnd().p99(),
                result.endToEnd().p999(), result.endToEnd().max(), result.elapsed().toMillis() / 1000.0,
                result.injectorCpuSeconds());
        assertThat(outcomes).allSatisfy(o -> assertThat(o.passed()).as(o.describe()).isTrue());
        assertThat(result.messages().published()).isBetween(2_700L, 3_300L);
        assertThat(result.messages().received()).isEqualTo(result.messages().published());
        assertThat(result.connectionsReached()).isEqualTo(301);
        assertThat(result.errors()).isEmpty();
        if (HostCpu.system().snapshot() != null) {
            // a Linux host with a steal column: the run measured it
            assertThat(result.hostStealPercent()).isBetween(0.0, 100.0);
        }
    }
}
