package io.mqttharness.spec;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.client.TraceEntry;
import java.util.List;

/**
 * The result of one scenario under one protocol version.
 *
 * @param scenarioId scenario ID
 * @param title scenario title
 * @param version the protocol version of this run
 * @param statements statement IDs the scenario checks under this version
 * @param verdict the outcome
 * @param message for FAILED the failed expectation (step and what differed); for NOT_APPLICABLE and ERROR the
 *        reason; {@code null} when PASSED
 * @param observations SHOULD/MAY mismatches, in order
 * @param trace every packet sent and received, with timestamps relative to the scenario start
 * @param durationMillis wall time of the run
 * @param source the scenario file
 */
public record ScenarioResult(String scenarioId, String title, MqttVersion version, List<String> statements,
        Verdict verdict, String message, List<String> observations, List<TraceEntry> trace, long durationMillis,
        String source) {

    public ScenarioResult {
        statements = List.copyOf(statements);
        observations = List.copyOf(observations);
        trace = List.copyOf(trace);
    }

    /** {@code [5] publish-qos1-roundtrip}. */
    public String displayName() {
        return "[" + version.displayName() + "] " + scenarioId;
    }

    /** The trace, one entry per line. */
    public String renderTrace() {
        StringBuilder sb = new StringBuilder();
        trace.forEach(e -> sb.append(e.render()).append('\n'));
        return sb.toString();
    }
}
