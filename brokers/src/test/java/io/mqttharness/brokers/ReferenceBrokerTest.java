package io.mqttharness.brokers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ReferenceBrokerTest {

    @Test
    @Timeout(60)
    void reference_broker_runs_in_its_own_jvm_and_stops_on_close() throws Exception {
        RunningBroker broker = BrokerLaunchers.forName("reference", LaunchProfile.QUICK_START).start();
        long pid;
        try (broker) {
            pid = broker.pid();
            assertThat(pid).isPositive().isNotEqualTo(ProcessHandle.current().pid());
            assertThat(Path.of("/proc", Long.toString(pid), "status")).exists();
            assertThat(MqttPing.connack(broker)).containsExactly(0x20, 0x02, 0x00, 0x00);
            assertThat(broker.address().toString()).isEqualTo("tcp://127.0.0.1:" + broker.port());
            assertThat(broker.version()).isNotBlank().doesNotContain("${");
            assertThat(broker.launch()).contains(ReferenceBrokerMain.class.getName());
            assertThat(broker.capabilities()).containsEntry("sys-topics", true);
            assertThat(Files.readString(broker.logFile())).contains("listening on 127.0.0.1:" + broker.port());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }
}
