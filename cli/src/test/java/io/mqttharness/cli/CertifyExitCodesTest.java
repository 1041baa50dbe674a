package io.mqttharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.reports.conformance.ConformanceReport;
import io.mqttharness.spec.CertificationRun;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import io.mqttharness.spec.baseline.Baseline;
import io.mqttharness.spec.baseline.BaselineComparison;
import io.mqttharness.spec.capability.BrokerCapabilities;
import io.mqttharness.spec.client.MqttTarget;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CertifyExitCodesTest {
    private static final MqttVersion V5 = MqttVersion.MQTT_5;

    private static CertificationRun run(boolean accepted, Verdict... verdicts) {
        List<ScenarioResult> results = Arrays.stream(verdicts).map(v -> new ScenarioResult("s-" + v.name().toLowerCase(),
                "t", V5, List.of("MQTT-3.8.4-1"), v, v == Verdict.PASSED ? null : "why", List.of(), List.of(), 1,
                "s.yaml")).toList();
        return new CertificationRun("r", MqttTarget.tcp("h", 1883), Instant.EPOCH, 1,
                Map.of(V5, new BrokerCapabilities(V5, accepted, accepted ? null : "refused", Map.of(), Map.of(),
                        Map.of())), results, List.of());
    }

    private static int exit(CertificationRun run) {
        return CertifyExitCodes.of(new ConformanceReport(run, "b", "1", null));
    }

    @Test
    void passed_observation_and_not_applicable_exit_0() {
        assertThat(exit(run(true, Verdict.PASSED, Verdict.OBSERVATION, Verdict.NOT_APPLICABLE))).isZero();
    }

    @Test
    void a_failure_exits_1_even_with_errors() {
        assertThat(exit(run(true, Verdict.PASSED, Verdict.FAILED, Verdict.ERROR))).isEqualTo(1);
    }

    @Test
    void errors_without_failures_exit_3() {
        assertThat(exit(run(true, Verdict.PASSED, Verdict.ERROR))).isEqualTo(3);
    }

    @Test
    void a_broker_that_refuses_every_version_exits_3() {
        assertThat(exit(run(false, Verdict.NOT_APPLICABLE))).isEqualTo(3);
    }

    @Test
    void with_a_baseline_only_differences_count() {
        CertificationRun run = run(true, Verdict.FAILED);
        Baseline known = Baseline.parse("""
                deviations:
                  - scenario: s-failed
                    statement: MQTT-3.8.4-1
                    reason: known
                """, "b.yaml");

        assertThat(CertifyExitCodes.of(new ConformanceReport(run, "b", "1", BaselineComparison.compare(known, run))))
                .isZero();
        assertThat(CertifyExitCodes.of(new ConformanceReport(run, "b", "1",
                BaselineComparison.compare(Baseline.empty("b"), run)))).isEqualTo(1);
    }
}
