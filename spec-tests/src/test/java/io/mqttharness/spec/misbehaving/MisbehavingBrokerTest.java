package io.mqttharness.spec.misbehaving;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.spec.CertificationRequest;
import io.mqttharness.spec.CertificationRun;
import io.mqttharness.spec.CertificationRunner;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import io.mqttharness.spec.client.MqttTarget;
import io.mqttharness.spec.engine.RunSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tests the tester: runs real built-in scenarios through {@link CertificationRunner} against a
 * {@link MisbehavingBroker} in each of its modes and checks that the harness reports the scenarios that meet the
 * misbehaviour as FAILED or ERROR, with a message naming what happened, within its timeouts, and never PASSED.
 * The NONE and SLOW_UNDER_TIMEOUT modes check the reverse: a conforming (or slow but in time) broker passes.
 * The verdict matrix of all modes is printed at the end.
 */
class MisbehavingBrokerTest {
    static final Duration EXPECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration SCENARIO_TIMEOUT = Duration.ofSeconds(20);
    /** Whole run (probe and every scenario of both versions): generous, far below a hang. */
    static final Duration RUN_BOUND = Duration.ofSeconds(45);

    static final String CONNECT = "connect-clean-success";
    static final String PING = "ping";
    static final String QOS0 = "publish-qos0-roundtrip";
    static final String QOS1_IN = "publish-qos1-inbound";
    static final String QOS2_IN = "publish-qos2-inbound";
    static final String QOS1_OUT = "publish-qos1-outbound";
    static final String QOS2_OUT = "publish-qos2-outbound";
    static final List<String> SCENARIOS = List.of(CONNECT, PING, QOS0, QOS1_IN, QOS2_IN, QOS1_OUT, QOS2_OUT);
    static final Set<String> ALL = Set.copyOf(SCENARIOS);

    private static final Map<String, Map<String, String>> MATRIX = new ConcurrentHashMap<>();

    static Stream<Arguments> modes() {
        return Stream.of(
                Arguments.of(Misbehaviour.STALL, ALL, "CONNACK within 2000 ms but nothing arrived"),
                Arguments.of(Misbehaviour.GARBAGE, ALL, "violates the specification"),
                // QOS1_OUT: the publisher's auto_ack swallows the wrong PUBACK; the protocol monitor must still see it
                Arguments.of(Misbehaviour.PUBACK_WRONG_PACKET_ID, Set.of(QOS1_IN, QOS1_OUT), "PUBACK"),
                Arguments.of(Misbehaviour.PUBCOMP_WITHOUT_PUBREC, Set.of(QOS2_IN), "received PUBCOMP"),
                Arguments.of(Misbehaviour.NEVER_PUBREL, Set.of(QOS2_OUT), "PUBREL within 2000 ms but nothing arrived"),
                Arguments.of(Misbehaviour.NEVER_PUBCOMP, Set.of(QOS2_IN), "PUBCOMP within 2000 ms but nothing arrived"),
                Arguments.of(Misbehaviour.DUPLICATE_DELIVERY, Set.of(QOS2_OUT), "received PUBLISH"),
                Arguments.of(Misbehaviour.CLOSE_AFTER_CONNECT, ALL, "the connection was closed"),
                // QOS1_OUT: the publisher's connection is dropped, the subscriber times out; the message must say why
                Arguments.of(Misbehaviour.CLOSE_MID_FLOW, Set.of(QOS1_IN, QOS2_IN, QOS1_OUT, QOS2_OUT), "closed"),
                Arguments.of(Misbehaviour.SLOW_PAST_TIMEOUT, ALL, "within 2000 ms but nothing arrived"),
                Arguments.of(Misbehaviour.UNSOLICITED_PUBACK, Set.of(PING, QOS0, QOS1_IN, QOS2_IN, QOS1_OUT, QOS2_OUT),
                        "PUBACK"),
                Arguments.of(Misbehaviour.UNSOLICITED_SUBACK, Set.of(PING, QOS0, QOS1_IN, QOS2_IN, QOS1_OUT, QOS2_OUT),
                        "SUBACK"),
                Arguments.of(Misbehaviour.SECOND_CONNACK, Set.of(PING, QOS0, QOS1_IN, QOS2_IN, QOS1_OUT, QOS2_OUT),
                        "CONNACK"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    @Timeout(90)
    void harness_reports_misbehaviour_as_failure_or_error_within_its_timeouts(Misbehaviour mode,
            Set<String> affected, String messageFragment) throws Exception {
        List<ScenarioResult> results = certify(mode, 2, Duration.ofMillis(EXPECT_TIMEOUT.toMillis() + 600));

        SoftAssertions soft = new SoftAssertions();
        for (ScenarioResult r : results) {
            if (affected.contains(r.scenarioId())) {
                soft.assertThat(r.verdict()).as("%s [%s] under %s", r.scenarioId(), r.version().displayName(), mode)
                        .isIn(Verdict.FAILED, Verdict.ERROR);
                soft.assertThat(r.message()).as("message of %s [%s]", r.scenarioId(), r.version().displayName())
                        .contains(messageFragment);
            }
        }
        soft.assertAll();
    }

    @Test
    @Timeout(90)
    void conforming_fixture_passes_every_selected_scenario() throws Exception {
        List<ScenarioResult> results = certify(Misbehaviour.NONE, 2, Duration.ZERO);

        assertThat(results).hasSize(SCENARIOS.size() * 2)
                .allSatisfy(r -> assertThat(r.verdict()).as(r.scenarioId() + ": " + r.message())
                        .isEqualTo(Verdict.PASSED));
    }

    @Test
    @Timeout(90)
    void slow_broker_answering_just_under_the_timeout_passes() throws Exception {
        List<ScenarioResult> results = certify(Misbehaviour.SLOW_UNDER_TIMEOUT, 2,
                Duration.ofMillis(EXPECT_TIMEOUT.toMillis() / 2));

        assertThat(results).allSatisfy(r -> assertThat(r.verdict()).as(r.scenarioId() + ": " + r.message())
                .isEqualTo(Verdict.PASSED));
    }

    @Test
    @Timeout(90)
    void broker_that_never_answers_even_the_probe_is_an_error_not_a_missing_version() throws Exception {
        List<ScenarioResult> results = certify(Misbehaviour.STALL, 0, Duration.ZERO);

        assertThat(results).isNotEmpty().allSatisfy(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(r.message()).contains("capability probe got no usable answer")
                    .contains("no CONNACK within 2000 ms");
        });
    }

    @Test
    @Timeout(90)
    void broker_that_answers_the_probe_with_garbage_is_an_error() throws Exception {
        List<ScenarioResult> results = certify(Misbehaviour.GARBAGE, 0, Duration.ZERO);

        assertThat(results).isNotEmpty().allSatisfy(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(r.message()).contains("the broker answered CONNECT with");
        });
    }

    /** Runs the selected scenarios against a fixture in {@code mode}; asserts the time bounds and records the matrix. */
    private static List<ScenarioResult> certify(Misbehaviour mode, int healthyConnections, Duration delay)
            throws Exception {
        RunSettings settings = new RunSettings(Duration.ofSeconds(3), EXPECT_TIMEOUT, Duration.ofSeconds(1),
                Duration.ofSeconds(3), SCENARIO_TIMEOUT, null, null);
        try (MisbehavingBroker broker = new MisbehavingBroker(mode, healthyConnections, delay)) {
            CertificationRequest.Builder request = CertificationRequest.builder(MqttTarget.tcp("127.0.0.1",
                    broker.port())).settings(settings);
            SCENARIOS.forEach(request::only);
            long start = System.nanoTime();
            CertificationRun run = new CertificationRunner().run(request.build());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).as("wall time of the run under " + mode).isLessThan(RUN_BOUND);
            assertThat(run.scenarios()).extracting(ScenarioResult::scenarioId).containsAll(SCENARIOS);
            assertThat(run.scenarios()).allSatisfy(r -> assertThat(r.durationMillis())
                    .as("duration of " + r.scenarioId()).isLessThan(SCENARIO_TIMEOUT.toMillis()));
            String column = mode + (healthyConnections == 0 ? " (probe too)" : "");
            Map<String, String> row = new TreeMap<>();
            for (ScenarioResult r : run.scenarios()) {
                row.merge(r.scenarioId(), r.verdict().name(), (a, b) -> a.equals(b) ? a : a + "/" + b);
            }
            row.put("(run seconds)", String.format("%.1f", took.toMillis() / 1000.0));
            MATRIX.put(column, row);
            return run.scenarios();
        }
    }

    @AfterAll
    static void printMatrix() {
        StringBuilder out = new StringBuilder("misbehaviour matrix (verdict per scenario, 3.1.1/5 when they differ)\n");
        for (Map.Entry<String, Map<String, String>> e : new TreeMap<>(MATRIX).entrySet()) {
            out.append(String.format("%-32s", e.getKey()));
            e.getValue().forEach((id, v) -> out.append(' ').append(id).append('=').append(v));
            out.append('\n');
        }
        System.out.println(out);
    }
}
