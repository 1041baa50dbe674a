package io.mqttharness.spec.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementRollupTest {

    @Test
    void combine_prefers_failed_then_observation_then_passed_then_error() {
        assertThat(StatementRollup.combine(EnumSet.of(Verdict.PASSED, Verdict.FAILED))).isEqualTo(Verdict.FAILED);
        assertThat(StatementRollup.combine(EnumSet.of(Verdict.PASSED, Verdict.OBSERVATION)))
                .isEqualTo(Verdict.OBSERVATION);
        assertThat(StatementRollup.combine(EnumSet.of(Verdict.PASSED, Verdict.ERROR))).isEqualTo(Verdict.PASSED);
        assertThat(StatementRollup.combine(EnumSet.of(Verdict.ERROR, Verdict.NOT_APPLICABLE)))
                .isEqualTo(Verdict.ERROR);
        assertThat(StatementRollup.combine(EnumSet.of(Verdict.NOT_APPLICABLE))).isEqualTo(Verdict.NOT_APPLICABLE);
    }

    @Test
    void roll_up_marks_uncovered_server_testable_statements_and_keeps_version_apart() {
        StatementCatalog catalog = StatementCatalog.load(MqttVersion.MQTT_5);
        List<ScenarioResult> results = List.of(
                result("ping", MqttVersion.MQTT_5, Verdict.PASSED),
                result("ping-other", MqttVersion.MQTT_5, Verdict.FAILED),
                result("ping", MqttVersion.MQTT_3_1_1, Verdict.PASSED));

        List<StatementResult> rolled = StatementRollup.rollUp(catalog, results);

        StatementResult ping = rolled.stream().filter(r -> r.statement().id().equals("MQTT-3.12.4-1")).findFirst()
                .orElseThrow();
        assertThat(ping.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(ping.scenarios()).containsExactly("ping", "ping-other");
        assertThat(rolled).filteredOn(r -> r.statement().id().equals("MQTT-3.8.4-1"))
                .extracting(StatementResult::verdict).containsExactly(Verdict.NOT_COVERED);
        assertThat(rolled).noneMatch(r -> !r.statement().serverTestable() && r.scenarios().isEmpty());
    }

    private static ScenarioResult result(String id, MqttVersion v, Verdict verdict) {
        return new ScenarioResult(id, id, v, List.of("MQTT-3.12.4-1"), verdict, null, List.of(), List.of(), 0, "x");
    }
}
