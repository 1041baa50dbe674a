package io.mqttharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CertifyProgressTest {
    private final StringWriter text = new StringWriter();
    private final AtomicLong clock = new AtomicLong(1_000_000);

    private CertifyProgress progress(CertifyProgress.Mode mode, int total) {
        return new CertifyProgress(new PrintWriter(text), mode, total, clock::get);
    }

    private static ScenarioResult result(Verdict verdict) {
        return new ScenarioResult("s", "t", MqttVersion.MQTT_5, List.of("MQTT-1.5.4-1"), verdict,
                verdict == Verdict.PASSED ? null : "why", List.of(), List.of(), 1, "s.yaml");
    }

    @Test
    void plain_mode_prints_one_line_per_tenth_with_counts() {
        try (CertifyProgress p = progress(CertifyProgress.Mode.PLAIN, 20)) {
            p.start("broker");
            for (int i = 0; i < 20; i++) {
                clock.addAndGet(3_000);
                p.scenarioFinished(result(i == 5 ? Verdict.FAILED : Verdict.PASSED));
            }
        }

        String[] lines = text.toString().split("\n");
        assertThat(lines).hasSize(11);
        assertThat(lines[0]).isEqualTo("certify: broker: 20 scenario runs");
        assertThat(lines[1]).startsWith("certify: 2/20 (10%)  passed 2, failed 0");
        assertThat(lines[10]).isEqualTo("certify: 20/20 (100%)  passed 19, failed 1, n/a 0, error 0, observation 0  1:00");
        assertThat(text.toString()).doesNotContain("\r");
    }

    @Test
    void bar_mode_redraws_one_line_in_place_and_ends_it() {
        try (CertifyProgress p = progress(CertifyProgress.Mode.BAR, 4)) {
            p.start("broker");
            p.scenarioFinished(result(Verdict.PASSED));
            p.scenarioFinished(result(Verdict.NOT_APPLICABLE));
        }

        String out = text.toString();
        assertThat(out).startsWith("\r[--------------------] 0/4  passed 0");
        assertThat(out).contains("\r[##########----------] 2/4  passed 1  failed 0  n/a 1  error 0  obs 0  0:00\u001b[K");
        assertThat(out).endsWith("\u001b[K\n").containsOnlyOnce("\n");
    }

    @Test
    void none_mode_prints_nothing() {
        try (CertifyProgress p = progress(CertifyProgress.Mode.NONE, 2)) {
            p.start("broker");
            p.scenarioFinished(result(Verdict.PASSED));
        }

        assertThat(text.toString()).isEmpty();
    }
}
