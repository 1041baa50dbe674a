package io.mqttharness.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MosquittoBrokerTest {

    @Test
    @Timeout(30)
    void installed_mosquitto_starts_with_the_generated_config() throws Exception {
        Assumptions.assumeTrue(MosquittoBroker.DEFAULT_CANDIDATES.stream()
                .anyMatch(c -> Files.isExecutable(Path.of(c))), "mosquitto is not installed");
        try (RunningBroker broker = new MosquittoBroker().start()) {
            assertThat(MqttPing.connack(broker)).containsExactly(0x20, 0x02, 0x00, 0x00);
            assertThat(broker.version()).matches("\\d+\\.\\d+.*");
            assertThat(broker.launch()).contains("listener " + broker.port() + " 127.0.0.1");
            assertThat(Path.of("/proc", Long.toString(broker.pid()), "status")).exists();
        }
    }
}
