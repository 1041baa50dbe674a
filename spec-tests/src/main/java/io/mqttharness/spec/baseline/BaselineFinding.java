package io.mqttharness.spec.baseline;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.Verdict;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How one verdict of a run compares with the baseline.
 *
 * @param kind the outcome
 * @param scenarioId the scenario, or {@code null} for a statement entry's finding
 * @param statements the statements concerned (the entry's statement, or every statement the scenario checks)
 * @param version the protocol version
 * @param expected the verdicts the baseline expects; empty means "no deviation": PASSED, OBSERVATION or
 *        NOT_APPLICABLE
 * @param actual the verdict of the run, {@code null} for a stale entry
 * @param detail the failed expectation or reason of the run, or why an entry is stale
 * @param entry the baseline entry concerned, or {@code null} for a new failure
 */
public record BaselineFinding(Kind kind, String scenarioId, List<String> statements, MqttVersion version,
        Set<Verdict> expected, Verdict actual, String detail, BaselineEntry entry) {

    /** The outcomes of a comparison. */
    public enum Kind {
        /** FAILED or ERROR where the baseline expects no deviation. */
        NEW_FAILURE,
        /** The baseline expects a deviation but the verdict is now PASSED, OBSERVATION or NOT_APPLICABLE. */
        FIXED,
        /** The baseline expects a deviation and the run has a different, still not passing, verdict. */
        CHANGED,
        /** A baseline entry whose scenario or statement the run does not have (renamed, removed). */
        STALE,
        /** The run has exactly the deviation the baseline expects. */
        KNOWN
    }

    public BaselineFinding {
        statements = List.copyOf(statements);
        expected = Set.copyOf(expected);
    }

    /** Whether this finding makes the run differ from the baseline. */
    public boolean differs() {
        return kind != Kind.KNOWN;
    }

    /** One or more lines for a readable diff. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-11s [%s] %s", label(), version.displayName(),
                scenarioId != null ? scenarioId : "statement " + String.join(", ", statements)));
        if (scenarioId != null && !statements.isEmpty()) {
            sb.append("  (").append(String.join(", ", statements)).append(')');
        }
        sb.append("\n    expected ").append(expected.isEmpty() ? "PASSED, OBSERVATION or NOT_APPLICABLE"
                        : expected.stream().sorted().map(Enum::name).collect(Collectors.joining(" or ")))
                .append(", actual ").append(actual == null ? "(no such result in the run)" : actual);
        if (detail != null && !detail.isBlank()) {
            sb.append("\n    run: ").append(detail.strip().replace("\n", "\n         "));
        }
        if (entry != null) {
            sb.append("\n    baseline: ").append(entry.describe()).append(" -> ").append(entry.statementId())
                    .append(": ").append(entry.reason());
        }
        switch (kind) {
            case FIXED -> sb.append("\n    -> the deviation is gone: remove the entry from the baseline");
            case STALE -> sb.append("\n    -> update or remove the entry");
            case NEW_FAILURE -> sb.append("\n    -> triage: fix the harness, or record the deviation in the baseline");
            default -> { }
        }
        return sb.toString();
    }

    private String label() {
        return switch (kind) {
            case NEW_FAILURE -> "NEW FAILURE";
            case FIXED -> "FIXED";
            case CHANGED -> "CHANGED";
            case STALE -> "STALE ENTRY";
            case KNOWN -> "KNOWN";
        };
    }
}
