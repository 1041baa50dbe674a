package io.mqttharness.reports.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class SummaryJsonWriterTest {

    private static JsonNode write(ConformanceReport report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SummaryJsonWriter().write(report, out);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    @Test
    void has_counts_per_verdict_and_per_version() throws Exception {
        JsonNode json = write(ReportFixtures.report());

        JsonNode scenarios = json.get("scenarios");
        assertThat(scenarios.get("total").asInt()).isEqualTo(6);
        assertThat(scenarios.at("/counts/PASSED").asInt()).isEqualTo(2);
        assertThat(scenarios.at("/counts/FAILED").asInt()).isEqualTo(1);
        assertThat(scenarios.at("/counts/ERROR").asInt()).isEqualTo(1);
        assertThat(scenarios.at("/byVersion/5/NOT_APPLICABLE").asInt()).isEqualTo(1);
        assertThat(scenarios.at("/byVersion/3.1.1/FAILED").isInt()).as("zero counts are present").isTrue();
        assertThat(scenarios.at("/byVersion/3.1.1/FAILED").asInt()).isZero();
        assertThat(json.at("/statementCounts/5/NOT_COVERED").asInt()).isEqualTo(1);
    }

    @Test
    void has_statement_coverage_and_verdicts() throws Exception {
        JsonNode json = write(ReportFixtures.report());

        assertThat(json.at("/coverage/5/covered").asInt()).isEqualTo(4);
        assertThat(json.at("/coverage/5/serverTestable").asInt()).isEqualTo(5);
        assertThat(json.at("/coverage/5/percent").asDouble()).isEqualTo(80.0);
        assertThat(json.get("statements")).hasSize(8);
        JsonNode failed = json.get("statements").get(4);
        assertThat(failed.get("id").asText()).isEqualTo("MQTT-3.3.1-4");
        assertThat(failed.get("version").asText()).isEqualTo("5");
        assertThat(failed.get("verdict").asText()).isEqualTo("FAILED");
        assertThat(failed.get("scenarios").get(0).asText()).isEqualTo("publish-qos3");
    }

    @Test
    void has_broker_capabilities_run_time_harness_version_and_result() throws Exception {
        JsonNode json = write(ReportFixtures.report());

        assertThat(json.at("/harness/version").asText()).isEqualTo("9.9.9-TEST");
        assertThat(json.get("durationMillis").asLong()).isEqualTo(12_345);
        assertThat(json.get("startedAt").asText()).isEqualTo("2025-01-02T03:04:05Z");
        assertThat(json.get("result").asText()).isEqualTo("FAILED");
        assertThat(json.at("/broker/name").asText()).isEqualTo("Test broker <1.0>");
        assertThat(json.at("/broker/target").asText()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(json.at("/broker/capabilities/5/flags/retain").asBoolean()).isTrue();
        assertThat(json.at("/broker/capabilities/5/sources/retain").asText()).isEqualTo("connack");
        assertThat(json.at("/broker/capabilities/5/limits/receive_maximum").asLong()).isEqualTo(20);
        assertThat(json.get("problems")).extracting(p -> p.get("scenario").asText())
                .containsExactly("broken-scenario", "publish-qos3", "retain-handling");
        assertThat(json.has("baseline")).isFalse();
    }

    @Test
    void with_a_baseline_lists_its_findings() throws Exception {
        JsonNode json = write(ReportFixtures.reportWithBaseline("""
                broker: test
                deviations:
                  - scenario: publish-qos3
                    version: "5"
                    statement: MQTT-3.3.1-4
                    reason: accepts QoS 3
                """));

        assertThat(json.at("/baseline/matches").asBoolean()).isFalse();
        assertThat(json.get("result").asText()).isEqualTo("DIFFERS FROM BASELINE");
        assertThat(json.at("/baseline/findings")).extracting(f -> f.get("kind").asText() + " " + f.get("scenario").asText())
                .containsExactlyInAnyOrder("NEW_FAILURE broken-scenario", "KNOWN publish-qos3");
        for (JsonNode f : json.at("/baseline/findings")) {
            String expected = f.get("expected").toString();
            assertThat(expected).isEqualTo(f.get("kind").asText().equals("KNOWN") ? "[\"FAILED\"]" : "[]");
        }
    }
}
