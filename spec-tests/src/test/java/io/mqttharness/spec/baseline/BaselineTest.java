package io.mqttharness.spec.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.Verdict;
import org.junit.jupiter.api.Test;

class BaselineTest {

    @Test
    void parse_reads_scenario_and_statement_entries_with_defaults() {
        Baseline b = Baseline.parse("""
                broker: demo 1.0
                deviations:
                  - scenario: publish-qos3
                    version: "5"
                    statement: MQTT-3.3.1-4
                    reason: keeps the connection open
                    isolate: true
                  - statement: MQTT-4.7.2-1
                    verdict: [FAILED, PASSED]
                    reason: timing dependent
                """, "demo.yaml");

        assertThat(b.broker()).isEqualTo("demo 1.0");
        BaselineEntry scenario = b.entries().get(0);
        assertThat(scenario.kind()).isEqualTo(BaselineEntry.Kind.SCENARIO);
        assertThat(scenario.scenarioId()).isEqualTo("publish-qos3");
        assertThat(scenario.version()).isEqualTo(MqttVersion.MQTT_5);
        assertThat(scenario.verdicts()).containsExactly(Verdict.FAILED);
        assertThat(scenario.isolate()).isTrue();
        BaselineEntry statement = b.entries().get(1);
        assertThat(statement.kind()).isEqualTo(BaselineEntry.Kind.STATEMENT);
        assertThat(statement.version()).isNull();
        assertThat(statement.appliesTo(MqttVersion.MQTT_3_1_1)).isTrue();
        assertThat(statement.verdicts()).containsExactlyInAnyOrder(Verdict.FAILED, Verdict.PASSED);
        assertThat(b.isolatedScenarios()).containsExactly("publish-qos3");
    }

    @Test
    void parse_of_empty_document_is_an_empty_baseline() {
        assertThat(Baseline.parse("", "empty.yaml").entries()).isEmpty();
        assertThat(Baseline.parse("deviations: []", "empty.yaml").entries()).isEmpty();
    }

    @Test
    void parse_rejects_entry_without_reason_naming_file_and_entry() {
        assertThatThrownBy(() -> Baseline.parse("""
                deviations:
                  - scenario: a
                    statement: MQTT-3.3.1-4
                """, "x.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x.yaml: deviation 1").hasMessageContaining("'reason' is required");
    }

    @Test
    void parse_rejects_entry_without_statement() {
        assertThatThrownBy(() -> Baseline.parse("deviations: [{scenario: a, reason: r}]", "x.yaml"))
                .hasMessageContaining("'statement' is required");
    }

    @Test
    void parse_rejects_unknown_keys_verdicts_and_versions() {
        assertThatThrownBy(() -> Baseline.parse("deviations: [{scenario: a, statement: S, reason: r, resaon: x}]",
                "x.yaml")).hasMessageContaining("unknown key 'resaon'");
        assertThatThrownBy(() -> Baseline.parse("deviations: [{scenario: a, statement: S, reason: r, "
                + "verdict: BROKEN}]", "x.yaml")).hasMessageContaining("unknown verdict 'BROKEN'");
        assertThatThrownBy(() -> Baseline.parse("deviations: [{scenario: a, statement: S, reason: r, "
                + "verdict: NOT_COVERED}]", "x.yaml")).hasMessageContaining("unknown verdict 'NOT_COVERED'");
        assertThatThrownBy(() -> Baseline.parse("deviations: [{scenario: a, statement: S, reason: r, "
                + "version: '4.0'}]", "x.yaml")).hasMessageContaining("deviation 1");
        assertThatThrownBy(() -> Baseline.parse("brokr: x", "x.yaml")).hasMessageContaining("unknown key 'brokr'");
    }

    @Test
    void parse_rejects_the_same_scenario_twice_for_one_version() {
        assertThatThrownBy(() -> Baseline.parse("""
                deviations:
                  - {scenario: a, statement: S, reason: r}
                  - {scenario: a, version: "5", statement: S, reason: r}
                """, "x.yaml")).hasMessageContaining("deviation 2").hasMessageContaining("listed twice");
    }

    @Test
    void parse_rejects_isolate_on_statement_entry() {
        assertThatThrownBy(() -> Baseline.parse("deviations: [{statement: S, reason: r, isolate: true}]", "x.yaml"))
                .hasMessageContaining("'isolate' needs a 'scenario'");
    }
}
