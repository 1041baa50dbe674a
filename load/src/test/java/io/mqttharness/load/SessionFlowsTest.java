package io.mqttharness.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.ListenerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs {@link SessionFlowsSimulation} against the reference broker over plain TCP and over WebSocket: reconnect
 * resumes a persistent session, expectMessages waits, checks and times out, unsubscribe stops deliveries.
 */
class SessionFlowsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "ws"})
    @Timeout(60)
    void reconnect_expect_and_unsubscribe_flows(String scheme, @TempDir Path results) throws Exception {
        ListenerConfig listener = scheme.equals("ws") ? ListenerConfig.websockets("127.0.0.1", 0)
                : ListenerConfig.mqtt("127.0.0.1", 0);
        try (MqttBroker broker = MqttBroker.start(BrokerConfig.builder().listener(listener).build())) {
            System.setProperty("flows.target", scheme + "://127.0.0.1:" + broker.port()
                    + (scheme.equals("ws") ? "/mqtt" : ""));
            try {
                GatlingRunner.run(SessionFlowsSimulation.class, results);
            } finally {
                System.clearProperty("flows.target");
            }
        }

        GatlingStats stats = GatlingStats.of(results);
        assertThat(stats.counts("publish")).isEqualTo(new GatlingStats.Counts(3, 3, 0));
        assertThat(stats.counts("reconnect")).as("session present").isEqualTo(new GatlingStats.Counts(1, 1, 0));
        assertThat(stats.counts("await backlog")).as("the 3 queued messages").isEqualTo(new GatlingStats.Counts(1, 1, 0));
        assertThat(stats.counts("await wrong check")).isEqualTo(new GatlingStats.Counts(1, 0, 1));
        assertThat(stats.counts("unsubscribe")).isEqualTo(new GatlingStats.Counts(1, 1, 0));
        assertThat(stats.counts("await after unsubscribe")).isEqualTo(new GatlingStats.Counts(1, 0, 1));
        assertThat(stats.counts("reconnect clean")).isEqualTo(new GatlingStats.Counts(1, 0, 1));
        String report = report(results);
        assertThat(report).contains("check failed (payload contains 'no such text') on message 1",
                "timeout: 0 of 1 expected messages within 1500 ms",
                "session not resumed: CONNACK Session Present is 0");
    }

    private static String report(Path results) throws java.io.IOException {
        try (var files = Files.walk(results)) {
            return Files.readString(files.filter(p -> p.getFileName().toString().equals("index.html")).findFirst()
                    .orElseThrow());
        }
    }
}
