package io.mqttharness.spec.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.CertificationRun;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import io.mqttharness.spec.capability.BrokerCapabilities;
import io.mqttharness.spec.client.MqttTarget;
import io.mqttharness.spec.statement.StatementCatalog;
import io.mqttharness.spec.statement.StatementRollup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FailureConfirmationTest {
    private static final MqttVersion V3 = MqttVersion.MQTT_3_1_1;
    private static final Baseline EMPTY = Baseline.parse("deviations: []", "test.yaml");
    private static final Baseline KNOWS_PING = Baseline.parse("""
            deviations:
              - {scenario: ping, version: "3.1.1", statement: MQTT-3.12.4-1, reason: no PINGRESP}
            """, "test.yaml");

    @Test
    void a_new_failure_that_passes_alone_becomes_intermittent_and_the_run_matches_the_baseline() throws Exception {
        CertificationRun run = run(result("sub", Verdict.FAILED, "closed after SUBSCRIBE"),
                result("pub", Verdict.PASSED, null));
        List<List<String>> reruns = new ArrayList<>();

        FailureConfirmation.Outcome outcome = FailureConfirmation.confirm(run, EMPTY, ids -> {
            reruns.add(ids);
            return List.of(result("sub", Verdict.PASSED, null));
        }, FailureConfirmation.FRESH_INSTANCE);

        assertThat(reruns).containsExactly(List.of("sub"));
        assertThat(outcome.intermittent()).extracting(ScenarioResult::scenarioId).containsExactly("sub");
        ScenarioResult sub = find(outcome.run(), "sub");
        assertThat(sub.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(sub.message()).isEqualTo("INTERMITTENT: passed when re-run alone on a fresh broker instance; the first"
                + " run said: closed after SUBSCRIBE");
        assertThat(find(outcome.run(), "pub").verdict()).isEqualTo(Verdict.PASSED);
        assertThat(BaselineComparison.compare(EMPTY, outcome.run()).matches()).isTrue();
    }

    @Test
    void a_new_failure_that_repeats_stays_a_failure_and_says_it_was_confirmed() throws Exception {
        CertificationRun run = run(result("sub", Verdict.FAILED, "closed after SUBSCRIBE"));

        FailureConfirmation.Outcome outcome = FailureConfirmation.confirm(run, EMPTY,
                ids -> List.of(result("sub", Verdict.FAILED, "closed again")), FailureConfirmation.SAME_BROKER);

        assertThat(outcome.intermittent()).isEmpty();
        ScenarioResult sub = find(outcome.run(), "sub");
        assertThat(sub.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(sub.message())
                .isEqualTo("failed again when re-run alone after the other scenarios, on the same broker; closed again");
        assertThat(BaselineComparison.compare(EMPTY, outcome.run()).matches()).isFalse();
    }

    @Test
    void known_deviations_are_not_re_run() throws Exception {
        CertificationRun run = run(result("ping", Verdict.FAILED, "no PINGRESP"));

        FailureConfirmation.Outcome outcome = FailureConfirmation.confirm(run, KNOWS_PING, ids -> {
            throw new AssertionError("re-ran " + ids);
        }, FailureConfirmation.FRESH_INSTANCE);

        assertThat(outcome.run()).isSameAs(run);
    }

    @Test
    void more_new_failures_than_the_limit_are_a_regression_and_not_re_run() throws Exception {
        CertificationRun run = run(IntStream.rangeClosed(0, FailureConfirmation.MAX_CONFIRMATIONS)
                .mapToObj(i -> result("s" + i, Verdict.FAILED, "broken")).toArray(ScenarioResult[]::new));

        FailureConfirmation.Outcome outcome = FailureConfirmation.confirm(run, EMPTY, ids -> {
            throw new AssertionError("re-ran " + ids);
        }, FailureConfirmation.FRESH_INSTANCE);

        assertThat(outcome.run()).isSameAs(run);
        assertThat(outcome.intermittent()).isEmpty();
    }

    private static CertificationRun run(ScenarioResult... results) {
        List<ScenarioResult> scenarios = List.of(results);
        BrokerCapabilities caps = new BrokerCapabilities(V3, true, null, Map.of(), Map.of(), Map.of());
        return new CertificationRun("r", MqttTarget.tcp("127.0.0.1", 1883), Instant.EPOCH, 1, Map.of(V3, caps),
                scenarios, StatementRollup.rollUp(StatementCatalog.load(V3), scenarios));
    }

    private static ScenarioResult result(String id, Verdict verdict, String message) {
        return new ScenarioResult(id, id, V3, List.of("MQTT-3.12.4-1"), verdict, message, List.of(), List.of(), 1,
                id + ".yaml");
    }

    private static ScenarioResult find(CertificationRun run, String id) {
        return run.scenarios().stream().filter(r -> r.scenarioId().equals(id)).findFirst().orElseThrow();
    }
}
