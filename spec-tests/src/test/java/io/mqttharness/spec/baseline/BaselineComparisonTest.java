package io.mqttharness.spec.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import io.mqttharness.spec.statement.StatementCatalog;
import io.mqttharness.spec.statement.StatementResult;
import io.mqttharness.spec.statement.StatementRollup;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineComparisonTest {
    private static final MqttVersion V3 = MqttVersion.MQTT_3_1_1;
    private static final MqttVersion V5 = MqttVersion.MQTT_5;
    private static final List<MqttVersion> BOTH = List.of(V3, V5);

    @Test
    void unlisted_failure_is_a_new_failure_with_statement_and_failed_expectation() {
        List<ScenarioResult> run = List.of(result("ping", V5, Verdict.FAILED, "MQTT-3.12.4-1"),
                result("ping", V3, Verdict.PASSED, "MQTT-3.12.4-1"));

        BaselineComparison c = compare("deviations: []", run);

        assertThat(c.matches()).isFalse();
        assertThat(c.of(BaselineFinding.Kind.NEW_FAILURE)).singleElement().satisfies(f -> {
            assertThat(f.scenarioId()).isEqualTo("ping");
            assertThat(f.version()).isEqualTo(V5);
            assertThat(f.expected()).isEmpty();
            assertThat(f.actual()).isEqualTo(Verdict.FAILED);
        });
        assertThat(c.render()).contains("NEW FAILURE [5] ping", "MQTT-3.12.4-1",
                "expected PASSED, OBSERVATION or NOT_APPLICABLE, actual FAILED", "step 2 (expect): no PINGRESP");
    }

    @Test
    void unlisted_pass_observation_and_not_applicable_match_an_empty_baseline() {
        List<ScenarioResult> run = List.of(result("a", V5, Verdict.PASSED, "MQTT-3.12.4-1"),
                result("b", V5, Verdict.OBSERVATION, "MQTT-3.12.4-1"),
                result("c", V3, Verdict.NOT_APPLICABLE, "MQTT-3.12.4-1"));

        BaselineComparison c = compare("deviations: []", run);

        assertThat(c.matches()).isTrue();
        assertThat(c.findings()).isEmpty();
    }

    @Test
    void listed_failure_that_still_fails_is_known_and_matches() {
        BaselineComparison c = compare("""
                deviations:
                  - {scenario: ping, version: "5", statement: MQTT-3.12.4-1, reason: no PINGRESP}
                """, List.of(result("ping", V5, Verdict.FAILED, "MQTT-3.12.4-1")));

        assertThat(c.matches()).isTrue();
        assertThat(c.of(BaselineFinding.Kind.KNOWN)).hasSize(1);
        assertThat(c.render()).contains("0 new failure(s)", "1 known deviation(s) unchanged");
    }

    @Test
    void listed_failure_that_now_passes_is_a_fixed_deviation() {
        BaselineComparison c = compare("""
                deviations:
                  - {scenario: ping, statement: MQTT-3.12.4-1, reason: no PINGRESP}
                """, List.of(result("ping", V5, Verdict.PASSED, "MQTT-3.12.4-1")));

        assertThat(c.matches()).isFalse();
        assertThat(c.of(BaselineFinding.Kind.FIXED)).singleElement()
                .satisfies(f -> assertThat(f.actual()).isEqualTo(Verdict.PASSED));
        assertThat(c.render()).contains("FIXED", "expected FAILED, actual PASSED", "remove the entry",
                "no PINGRESP");
    }

    @Test
    void listed_failure_that_now_errors_is_a_change() {
        BaselineComparison c = compare("""
                deviations:
                  - {scenario: ping, statement: MQTT-3.12.4-1, reason: no PINGRESP}
                """, List.of(result("ping", V5, Verdict.ERROR, "MQTT-3.12.4-1")));

        assertThat(c.of(BaselineFinding.Kind.CHANGED)).hasSize(1);
        assertThat(c.matches()).isFalse();
    }

    @Test
    void timing_dependent_entry_accepts_each_listed_verdict_and_is_never_fixed() {
        String yaml = """
                deviations:
                  - {scenario: ka, statement: MQTT-3.1.2-24, verdict: [FAILED, PASSED], reason: coarse timer}
                """;
        assertThat(compare(yaml, List.of(result("ka", V3, Verdict.FAILED, "MQTT-3.1.2-24"))).matches()).isTrue();
        assertThat(compare(yaml, List.of(result("ka", V3, Verdict.PASSED, "MQTT-3.1.2-24"))).matches()).isTrue();
        assertThat(compare(yaml, List.of(result("ka", V3, Verdict.ERROR, "MQTT-3.1.2-24")))
                .of(BaselineFinding.Kind.CHANGED)).hasSize(1);
    }

    @Test
    void entry_for_a_missing_scenario_is_stale_but_an_all_versions_entry_needs_one_version_only() {
        String yaml = """
                deviations:
                  - {scenario: gone, statement: MQTT-3.12.4-1, reason: r}
                  - {scenario: v3-only, statement: MQTT-3.12.4-1, reason: r}
                """;
        BaselineComparison c = compare(yaml, List.of(result("v3-only", V3, Verdict.FAILED, "MQTT-3.12.4-1")));

        assertThat(c.of(BaselineFinding.Kind.STALE)).extracting(BaselineFinding::scenarioId)
                .containsExactly("gone", "gone");
        assertThat(c.of(BaselineFinding.Kind.KNOWN)).extracting(BaselineFinding::scenarioId)
                .containsExactly("v3-only");
    }

    @Test
    void entry_for_a_version_that_was_not_certified_is_ignored() {
        Baseline b = Baseline.parse("deviations: [{scenario: gone, version: '5', statement: S, reason: r}]", "b");

        BaselineComparison c = BaselineComparison.compare(b, List.of(V3), List.of(), List.of());

        assertThat(c.matches()).isTrue();
    }

    @Test
    void scenario_entry_naming_an_unknown_statement_is_stale() {
        BaselineComparison c = compare("deviations: [{scenario: ping, statement: MQTT-9.9.9-9, reason: r}]",
                List.of(result("ping", V5, Verdict.FAILED, "MQTT-3.12.4-1")));

        assertThat(c.of(BaselineFinding.Kind.STALE)).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("MQTT-9.9.9-9 is not a normative statement"));
    }

    @Test
    void scenario_entry_may_name_a_statement_the_scenario_does_not_check() {
        BaselineComparison c = compare("deviations: [{scenario: dup, statement: MQTT-4.3.2-2, reason: crash}]",
                List.of(result("dup", V3, Verdict.FAILED, "MQTT-3.3.1-3")));

        assertThat(c.matches()).isTrue();
    }

    @Test
    void statement_entry_covers_failures_of_unlisted_scenarios_and_goes_fixed_when_the_statement_passes() {
        String yaml = "deviations: [{statement: MQTT-3.12.4-1, version: '5', reason: no PINGRESP}]";
        BaselineComparison failing = compare(yaml, List.of(result("ping", V5, Verdict.FAILED, "MQTT-3.12.4-1"),
                result("ping-new", V5, Verdict.FAILED, "MQTT-3.12.4-1")));

        assertThat(failing.matches()).isTrue();
        assertThat(failing.of(BaselineFinding.Kind.KNOWN)).hasSize(3);

        BaselineComparison passing = compare(yaml, List.of(result("ping", V5, Verdict.PASSED, "MQTT-3.12.4-1")));
        assertThat(passing.of(BaselineFinding.Kind.FIXED)).singleElement()
                .satisfies(f -> assertThat(f.scenarioId()).isNull());
    }

    @Test
    void statement_entry_does_not_cover_a_different_verdict_or_statement() {
        String yaml = "deviations: [{statement: MQTT-3.12.4-1, reason: no PINGRESP}]";
        BaselineComparison c = compare(yaml, List.of(result("ping", V5, Verdict.ERROR, "MQTT-3.12.4-1"),
                result("sub", V5, Verdict.FAILED, "MQTT-3.8.4-1")));

        assertThat(c.of(BaselineFinding.Kind.NEW_FAILURE)).extracting(BaselineFinding::scenarioId)
                .containsExactly("ping", "sub");
    }

    @Test
    void statement_entry_without_any_checking_scenario_is_stale() {
        BaselineComparison c = compare("deviations: [{statement: MQTT-3.12.4-1, version: '5', reason: r}]",
                List.of(result("sub", V5, Verdict.PASSED, "MQTT-3.8.4-1")));

        assertThat(c.of(BaselineFinding.Kind.STALE)).hasSize(1);
    }

    private static BaselineComparison compare(String yaml, List<ScenarioResult> scenarios) {
        List<StatementResult> statements = new java.util.ArrayList<>();
        for (MqttVersion v : BOTH) {
            statements.addAll(StatementRollup.rollUp(StatementCatalog.load(v), scenarios));
        }
        return BaselineComparison.compare(Baseline.parse(yaml, "test.yaml"), BOTH, scenarios, statements);
    }

    private static ScenarioResult result(String id, MqttVersion version, Verdict verdict, String statement) {
        String message = verdict == Verdict.FAILED ? "step 2 (expect): no PINGRESP within 5000 ms" : null;
        return new ScenarioResult(id, id, version, List.of(statement), verdict, message, List.of(), List.of(), 1,
                id + ".yaml");
    }
}
