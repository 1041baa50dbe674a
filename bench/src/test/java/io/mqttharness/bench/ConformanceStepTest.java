package io.mqttharness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.reports.conformance.HtmlReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceStepTest {
    @TempDir
    Path tmp;

    @Test
    void baseline_is_looked_up_by_broker_name_when_a_directory_is_given() throws Exception {
        Files.writeString(tmp.resolve("moquette.yaml"), """
                broker: Moquette
                deviations:
                  - scenario: ping
                    statement: MQTT-3.12.4-1
                    reason: test entry
                    isolate: true
                """);
        ConformanceStep step = new ConformanceStep("test", List.of(), tmp);

        assertThat(step.baseline("moquette").isolatedScenarios()).containsExactly("ping");
        assertThat(step.baseline("hivemq-ce")).isNull();
        assertThat(new ConformanceStep("test", List.of(), null).baseline("moquette")).isNull();
    }

    @Test
    void failure_links_point_at_the_html_report_problem_anchor() {
        assertThat(HtmlReportWriter.problemAnchor("publish qos/1", MqttVersion.MQTT_3_1_1))
                .isEqualTo("p-3_1_1-publish-qos-1");
        assertThat(HtmlReportWriter.problemAnchor("ping", MqttVersion.MQTT_5)).isEqualTo("p-5-ping");
    }
}
