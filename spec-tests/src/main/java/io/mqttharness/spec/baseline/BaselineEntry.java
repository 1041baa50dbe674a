package io.mqttharness.spec.baseline;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.Verdict;
import java.util.Objects;
import java.util.Set;

/**
 * One known deviation of a broker: the verdict expected for a scenario run or for a statement, and why.
 *
 * <p>A <em>scenario</em> entry pins the verdict of one scenario (under one version, or every version when
 * {@code version} is {@code null}) and names the statement the broker deviates from. A <em>statement</em> entry
 * pins the rolled-up verdict of one statement; it also accepts that verdict from any scenario checking the
 * statement that has no entry of its own, so that a newly added scenario about a known deviation needs no
 * new entry.
 *
 * @param kind what the entry pins
 * @param scenarioId the scenario ID ({@link Kind#SCENARIO} only, else {@code null})
 * @param statementId the statement deviated from (always present)
 * @param version the version, or {@code null} for every version
 * @param verdicts the expected verdict; several when the broker's behaviour is timing-dependent (e.g. a coarse
 *        keep-alive timer that sometimes meets the deadline)
 * @param reason one line: what the broker does and why that is a deviation (or why the harness cannot judge)
 * @param isolate the scenario leaves the broker unusable for the scenarios that run after it (a crash or a wedged
 *        thread): runners that can start brokers run it on a fresh instance, so that the damage does not turn into
 *        false failures of unrelated scenarios ({@link Kind#SCENARIO} only)
 */
public record BaselineEntry(Kind kind, String scenarioId, String statementId, MqttVersion version,
        Set<Verdict> verdicts, String reason, boolean isolate) {

    /** What an entry pins. */
    public enum Kind { SCENARIO, STATEMENT }

    public BaselineEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(statementId, "statementId");
        verdicts = Set.copyOf(verdicts);
        if (verdicts.isEmpty()) {
            throw new IllegalArgumentException("an entry expects at least one verdict");
        }
        Objects.requireNonNull(reason, "reason");
        if (kind == Kind.SCENARIO) {
            Objects.requireNonNull(scenarioId, "scenarioId");
        } else if (isolate) {
            throw new IllegalArgumentException("only a scenario entry can be isolated");
        }
    }

    /** Whether the entry expects this verdict. */
    public boolean accepts(Verdict verdict) {
        return verdicts.contains(verdict);
    }

    /** The expected verdicts in declaration order of {@link Verdict}, e.g. {@code FAILED or PASSED}. */
    public String expectedText() {
        return verdicts.stream().sorted().map(Enum::name).collect(java.util.stream.Collectors.joining(" or "));
    }

    /** Whether the entry applies under a version. */
    public boolean appliesTo(MqttVersion v) {
        return version == null || version == v;
    }

    /** {@code scenario publish-qos3 [5]} or {@code statement MQTT-3.3.1-4 [all versions]}, for messages. */
    public String describe() {
        String subject = kind == Kind.SCENARIO ? "scenario " + scenarioId : "statement " + statementId;
        return subject + " [" + (version == null ? "all versions" : version.displayName()) + "]";
    }
}
