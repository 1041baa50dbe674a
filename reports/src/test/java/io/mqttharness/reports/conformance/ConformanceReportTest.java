package io.mqttharness.reports.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.CertificationRun;
import io.mqttharness.spec.capability.BrokerCapabilities;
import io.mqttharness.spec.client.MqttTarget;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConformanceReportTest {

    @Test
    void result_is_failed_when_a_scenario_failed() {
        ConformanceReport report = ReportFixtures.report();

        assertThat(report.resultLabel()).isEqualTo("FAILED");
        assertThat(report.resultIsGood()).isFalse();
        assertThat(report.versions()).containsExactly(MqttVersion.MQTT_3_1_1, MqttVersion.MQTT_5);
    }

    @Test
    void result_is_not_checked_when_the_broker_refused_every_version() {
        Map<MqttVersion, BrokerCapabilities> refused = Map.of(MqttVersion.MQTT_5,
                new BrokerCapabilities(MqttVersion.MQTT_5, false, "CONNACK NOT_AUTHORIZED", Map.of(), Map.of(), Map.of()));
        CertificationRun run = new CertificationRun("r", MqttTarget.tcp("h", 1883), Instant.EPOCH, 1, refused,
                List.of(), List.of());

        ConformanceReport report = new ConformanceReport(run, "b", "1", null);

        assertThat(report.nothingChecked()).isTrue();
        assertThat(report.resultLabel()).isEqualTo("NOT CHECKED");
        assertThat(report.resultIsGood()).isFalse();
    }
}
