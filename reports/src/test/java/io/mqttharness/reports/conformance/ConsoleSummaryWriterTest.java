package io.mqttharness.reports.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleSummaryWriterTest {

    private static String write(ConformanceReport report) {
        StringWriter out = new StringWriter();
        new ConsoleSummaryWriter().write(report, new PrintWriter(out));
        return out.toString();
    }

    @Test
    void prints_counts_and_coverage_per_version() {
        String text = write(ReportFixtures.report());

        assertThat(text).contains("MQTT 3.1.1  scenarios: 1 passed, 0 failed, 0 n/a, 1 error, 0 observation")
                .contains("MQTT 5      scenarios: 1 passed, 1 failed, 1 n/a, 0 error, 1 observation")
                .contains("statements: 4 of 5 server-testable covered (80.0%)");
    }

    @Test
    void lists_each_failure_on_one_line_with_statements_and_expectation() {
        String text = write(ReportFixtures.report());

        assertThat(text).contains("Failures (1):\n  [5] publish-qos3 (MQTT-3.3.1-4): step 3 expect_closed: expected "
                + "the broker to close the connection but received PUBACK {packet_id=1, reason_code=0}\n");
        assertThat(text).contains("Errors (the harness could not judge) (1):\n  [3.1.1] broken-scenario");
        assertThat(text).contains("Observations (SHOULD/MAY, not failures) (1):\n  [5] retain-handling (MQTT-3.3.1-9): "
                + "step 4: expected no retained PUBLISH within 1 s");
        assertThat(text).endsWith("Result: FAILED (1 failed, 1 error)\n");
    }

    @Test
    void with_a_baseline_prints_the_differences() {
        String text = write(ReportFixtures.reportWithBaseline("""
                deviations:
                  - scenario: publish-qos3
                    statement: MQTT-3.3.1-4
                    reason: accepts QoS 3
                  - scenario: broken-scenario
                    version: "3.1.1"
                    statement: MQTT-3.3.1-4
                    verdict: ERROR
                    reason: harness cannot judge
                """));

        assertThat(text).contains("2 known deviation(s), 0 difference(s)")
                .endsWith("Result: MATCHES BASELINE (0 difference(s); 1 failed, 1 error)\n");
    }
}
