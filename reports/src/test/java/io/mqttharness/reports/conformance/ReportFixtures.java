package io.mqttharness.reports.conformance;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.CertificationRun;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import io.mqttharness.spec.baseline.Baseline;
import io.mqttharness.spec.baseline.BaselineComparison;
import io.mqttharness.spec.capability.BrokerCapabilities;
import io.mqttharness.spec.client.MqttTarget;
import io.mqttharness.spec.client.TraceEntry;
import io.mqttharness.spec.client.TraceEntry.Direction;
import io.mqttharness.spec.statement.Statement;
import io.mqttharness.spec.statement.StatementResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A small certification run with one result of each verdict, for the writer tests. */
final class ReportFixtures {
    static final MqttVersion V3 = MqttVersion.MQTT_3_1_1;
    static final MqttVersion V5 = MqttVersion.MQTT_5;

    /** The failed expectation of the FAILED scenario; multi-line like the engine's messages. */
    static final String FAILURE = "step 3 expect_closed: expected the broker to close the connection\n"
            + "but received PUBACK {packet_id=1, reason_code=0}";
    /** A decoded packet of the failure's trace; contains a NUL, which XML 1.0 cannot carry as is. */
    static final String TRACE_PACKET = "PUBLISH {qos=3, topic=mqtt-harness/r1/publish-qos3/5, payload=a\u0000b}";

    private ReportFixtures() {
    }

    static ConformanceReport report() {
        return new ConformanceReport(run(), "Test broker <1.0>", "9.9.9-TEST", null);
    }

    static ConformanceReport reportWithBaseline(String yaml) {
        CertificationRun run = run();
        return new ConformanceReport(run, "Test broker", "9.9.9-TEST",
                BaselineComparison.compare(Baseline.parse(yaml, "test-baseline.yaml"), run));
    }

    static CertificationRun run() {
        // sorted by scenario ID, then version, as the engine sorts them
        List<ScenarioResult> scenarios = List.of(
                result("broken-scenario", V3, List.of("MQTT-3.3.1-4"), Verdict.ERROR,
                        "unknown placeholder ${nope} in step 2", List.of(), List.of()),
                result("connect-basic", V3, List.of("MQTT-3.1.4-1"), Verdict.PASSED, null, List.of(), trace()),
                result("connect-basic", V5, List.of("MQTT-3.1.4-1"), Verdict.PASSED, null, List.of(), trace()),
                result("publish-qos3", V5, List.of("MQTT-3.3.1-4"), Verdict.FAILED, FAILURE, List.of(), failureTrace()),
                result("retain-handling", V5, List.of("MQTT-3.3.1-9"), Verdict.OBSERVATION, null,
                        List.of("step 4: expected no retained PUBLISH within 1 s"), trace()),
                result("shared-basic", V5, List.of("MQTT-4.8.2-1"), Verdict.NOT_APPLICABLE,
                        "the broker lacks capability 'shared-subscriptions' (from connack)", List.of(), List.of()));
        List<StatementResult> statements = List.of(
                statement("MQTT-3.1.4-1", V3, Verdict.PASSED, "connect-basic"),
                statement("MQTT-3.3.1-4", V3, Verdict.ERROR, "broken-scenario"),
                statement("MQTT-4.7.3-1", V3, Verdict.NOT_COVERED),
                statement("MQTT-3.1.4-1", V5, Verdict.PASSED, "connect-basic"),
                statement("MQTT-3.3.1-4", V5, Verdict.FAILED, "publish-qos3"),
                statement("MQTT-3.3.1-9", V5, Verdict.OBSERVATION, "retain-handling"),
                statement("MQTT-4.8.2-1", V5, Verdict.NOT_APPLICABLE, "shared-basic"),
                statement("MQTT-4.7.3-1", V5, Verdict.NOT_COVERED));
        Map<MqttVersion, BrokerCapabilities> caps = Map.of(
                V3, new BrokerCapabilities(V3, true, null, Map.of("retain", true, "shared-subscriptions", false),
                        Map.of("retain", "default", "shared-subscriptions", "default"), Map.of()),
                V5, new BrokerCapabilities(V5, true, null, Map.of("retain", true, "shared-subscriptions", false),
                        Map.of("retain", "connack", "shared-subscriptions", "connack"),
                        Map.of("receive_maximum", 20L)));
        return new CertificationRun("r1", MqttTarget.tcp("127.0.0.1", 1883), Instant.parse("2025-01-02T03:04:05Z"),
                12_345, caps, scenarios, statements);
    }

    private static ScenarioResult result(String id, MqttVersion v, List<String> statements, Verdict verdict,
            String message, List<String> observations, List<TraceEntry> trace) {
        return new ScenarioResult(id, "Title of " + id, v, statements, verdict, message, observations, trace, 42,
                "classpath:io/mqttharness/spec/scenarios/test/" + id + ".yaml");
    }

    private static List<TraceEntry> trace() {
        return List.of(new TraceEntry(0, "c", Direction.EVENT, "connection opened", null),
                new TraceEntry(1, "c", Direction.SENT, "CONNECT {clean_start=true}", "10 0c 00 04"),
                new TraceEntry(3, "c", Direction.RECEIVED, "CONNACK {reason_code=0}", "20 02 00 00"));
    }

    private static List<TraceEntry> failureTrace() {
        return List.of(new TraceEntry(0, "pub", Direction.EVENT, "connection opened", null),
                new TraceEntry(2, "pub", Direction.SENT, "CONNECT {clean_start=true}", "10 0c 00 04 4d 51 54 54"),
                new TraceEntry(4, "pub", Direction.RECEIVED, "CONNACK {reason_code=0}", "20 03 00 00 00"),
                new TraceEntry(5, "pub", Direction.SENT, TRACE_PACKET, "36 05 00 01 61 00 62"),
                new TraceEntry(7, "pub", Direction.RECEIVED, "PUBACK {packet_id=1, reason_code=0}", "40 02 00 01"),
                new TraceEntry(8, null, Direction.EVENT, "FAILED: " + FAILURE, null));
    }

    private static StatementResult statement(String id, MqttVersion v, Verdict verdict, String... scenarios) {
        Statement st = new Statement(id, id.substring(5, id.lastIndexOf('-')), "MUST", "server", "server-testable",
                "Summary of " + id + " with a | pipe");
        return new StatementResult(st, v, verdict, List.of(scenarios));
    }
}
