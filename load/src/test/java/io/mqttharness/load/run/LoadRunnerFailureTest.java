package io.mqttharness.load.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.broker.MqttBroker;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs that cannot start fail fast with a message for the user, before Gatling starts. */
class LoadRunnerFailureTest {

    @Test
    @Timeout(20)
    void a_closed_port_is_reported_within_seconds(@TempDir Path dir) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        long start = System.nanoTime();

        assertThatThrownBy(() -> new LoadRunner().run(LoadRequests.of(LoadScenario.SENSOR_FLEET, closedPort, "5", 1, 1,
                1, Duration.ofSeconds(1), 1, dir), LoadProgressListener.NONE))
                .isInstanceOf(LoadException.class)
                .hasMessageStartingWith("cannot reach the broker at tcp://127.0.0.1:" + closedPort);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    @Timeout(20)
    void a_server_that_never_answers_connect_is_reported_within_seconds(@TempDir Path dir) throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> new LoadRunner().run(LoadRequests.of(LoadScenario.SENSOR_FLEET,
                    silent.getLocalPort(), "3.1.1", 1, 1, 1, Duration.ofSeconds(1), 1, dir), LoadProgressListener.NONE))
                    .isInstanceOf(LoadException.class)
                    .hasMessageContaining("sent no CONNACK within 3000 ms");
        }
    }

    @Test
    @Timeout(20)
    void offline_backlog_at_qos0_is_refused(@TempDir Path dir) {
        try (MqttBroker broker = MqttBroker.startLoopback()) {
            assertThatThrownBy(() -> new LoadRunner().run(LoadRequests.of(LoadScenario.OFFLINE_BACKLOG, broker.port(),
                    "5", 1, 1, 0, Duration.ofSeconds(1), 1, dir), LoadProgressListener.NONE))
                    .isInstanceOf(LoadException.class).hasMessageContaining("needs QoS 1 or 2");
        }
    }
}
