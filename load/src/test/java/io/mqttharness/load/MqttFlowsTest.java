package io.mqttharness.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.load.client.MqttClientConnection;
import io.mqttharness.load.e2e.E2eSummary;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link MqttFlowsSimulation} in-process against an embedded reference broker. */
class MqttFlowsTest {

    @Test
    @Timeout(60)
    void qos2_is_logged_as_pubrec_and_pubcomp_and_failures_are_ko(@TempDir Path results) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        // accepts TCP connections (kernel backlog) but never answers: CONNACK must time out
        try (MqttBroker broker = MqttBroker.startLoopback();
                ServerSocket silent = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
                LingeringBroker lingering = new LingeringBroker()) {
            System.setProperty("flows.port", Integer.toString(broker.port()));
            System.setProperty("flows.silentPort", Integer.toString(silent.getLocalPort()));
            System.setProperty("flows.closedPort", Integer.toString(closedPort));
            System.setProperty("flows.lingeringPort", Integer.toString(lingering.port()));
            try {
                assertThat(GatlingRunner.run(MqttFlowsSimulation.class, results)).isZero();
                // the client waits for the broker's close after DISCONNECT, then closes itself
                assertThat(lingering.disconnectToCloseMillis())
                        .isGreaterThanOrEqualTo(MqttClientConnection.DISCONNECT_GRACE_MILLIS - 50);
            } finally {
                System.clearProperty("flows.lingeringPort");
                System.clearProperty("flows.port");
                System.clearProperty("flows.closedPort");
                System.clearProperty("flows.silentPort");
            }
        }

        GatlingStats stats = GatlingStats.of(results);
        assertThat(stats.counts("publish q2 PUBREC")).isEqualTo(new GatlingStats.Counts(5, 5, 0));
        assertThat(stats.counts("publish q2 PUBCOMP")).isEqualTo(new GatlingStats.Counts(5, 5, 0));
        assertThat(stats.counts("publish q0")).isEqualTo(new GatlingStats.Counts(5, 5, 0));
        assertThat(stats.counts("subscribe q2")).isEqualTo(new GatlingStats.Counts(1, 1, 0));
        assertThat(stats.counts("connect closed port")).isEqualTo(new GatlingStats.Counts(1, 0, 1));
        assertThat(stats.counts("connect silent")).isEqualTo(new GatlingStats.Counts(1, 0, 1));
        assertThat(errorsSection(results)).contains("timeout: no CONNACK within 500 ms",
                "not connected: run connect() first", "Connection refused");
        assertThat(stats.counts("disconnect lingering")).isEqualTo(new GatlingStats.Counts(1, 1, 0));
        assertThat(stats.counts("publish unconnected")).isEqualTo(new GatlingStats.Counts(1, 0, 1));
        assertThat(stats.counts("e2e latency")).isEqualTo(new GatlingStats.Counts(5, 5, 0));
        E2eSummary summary = MqttFlowsSimulation.TRACKER.summary();
        assertThat(summary.published()).isEqualTo(5);
        assertThat(summary.received()).isEqualTo(5);
        assertThat(summary.lost()).isZero();
    }

    /** The KO messages as listed in the report's errors table. */
    private static String errorsSection(Path results) throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(results)) {
            Path index = files.filter(p -> p.getFileName().toString().equals("index.html")).findFirst().orElseThrow();
            return java.nio.file.Files.readString(index);
        }
    }
}
