package io.mqttharness.load.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.MqttBroker;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** fan-in, fan-out and connection-storm on the reference broker, small and short. */
class ScenariosTest {
    private MqttBroker broker;

    @BeforeEach
    void start() {
        broker = MqttBroker.startLoopback();
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    @Test
    @Timeout(60)
    void fan_out_delivers_every_message_to_every_subscriber(@TempDir Path dir) throws Exception {
        LoadResult result = new LoadRunner().run(LoadRequests.of(LoadScenario.FAN_OUT, broker.port(), "5", 1, 20, 1,
                Duration.ofSeconds(2), 10, dir), LoadProgressListener.NONE);

        assertThat(result.messages().published()).isBetween(38L, 42L);
        assertThat(result.messages().received()).isEqualTo(10 * result.messages().published());
        assertThat(result.messages().duplicates()).isZero();
        assertThat(result.messages().lost()).isZero();
    }

    @Test
    @Timeout(60)
    void fan_in_shares_the_messages_among_the_group_each_exactly_once(@TempDir Path dir) throws Exception {
        LoadResult result = new LoadRunner().run(LoadRequests.of(LoadScenario.FAN_IN, broker.port(), "3.1.1", 20, 10,
                1, Duration.ofSeconds(2), 3, dir), LoadProgressListener.NONE);

        assertThat(result.messages().published()).isBetween(390L, 410L);
        assertThat(result.messages().received()).as("the group counts once").isEqualTo(result.messages().published());
        assertThat(result.messages().duplicates()).isZero();
        assertThat(result.messages().lost()).isZero();
        assertThat(result.requests().get("e2e latency").ok()).isEqualTo(result.messages().published());
    }

    @Test
    @Timeout(60)
    void connection_storm_reaches_every_connection(@TempDir Path dir) throws Exception {
        LoadResult result = new LoadRunner().run(LoadRequests.of(LoadScenario.CONNECTION_STORM, broker.port(), "5",
                200, 200, 0, Duration.ofSeconds(1), 0, dir), LoadProgressListener.NONE);

        assertThat(result.connectionsReached()).isEqualTo(200);
        assertThat(result.requests().get("connect").ok()).isEqualTo(200);
        assertThat(result.requests().get("connect").ko()).isZero();
        assertThat(result.messages().published()).isZero();
    }
}
