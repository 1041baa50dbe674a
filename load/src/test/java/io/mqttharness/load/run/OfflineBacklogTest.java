package io.mqttharness.load.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.MqttBroker;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The offline-backlog scenario on the reference broker: queued messages all arrive, in order, after resume. */
class OfflineBacklogTest {

    @ParameterizedTest(name = "MQTT {0} QoS {1}")
    @CsvSource({"5, 1", "3.1.1, 2"})
    @Timeout(60)
    void persistent_sessions_get_every_queued_message_in_order_after_reconnect(String version, int qos,
            @TempDir Path dir) throws Exception {
        LoadResult result;
        try (MqttBroker broker = MqttBroker.startLoopback()) {
            // 10 sensors x 10 msg/s x 3 s = 300 messages per session: below max_queued_messages (1000)
            result = new LoadRunner().run(LoadRequests.of(LoadScenario.OFFLINE_BACKLOG, broker.port(), version, 10,
                    10, qos, Duration.ofSeconds(3), 2, dir), LoadProgressListener.NONE);
        }
        System.out.println("offline-backlog " + version + ": " + result.messages() + " errors " + result.errors());

        assertThat(result.messages().published()).isBetween(290L, 310L);
        assertThat(result.messages().received()).as("each of 2 sessions gets every message")
                .isEqualTo(2 * result.messages().published());
        assertThat(result.messages().lost()).isZero();
        assertThat(result.messages().outOfOrder()).isZero();
        assertThat(result.requests().get("reconnect").ok()).as("session present on resume").isEqualTo(2);
        assertThat(result.requests().get("delivery check").ok()).isEqualTo(2);
        assertThat(result.requests().get("remove session").ok()).isEqualTo(2);
        assertThat(result.errors()).isEmpty();
    }
}
