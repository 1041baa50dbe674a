package io.mqttharness.spec.baseline;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.CertificationRun;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import io.mqttharness.spec.statement.StatementCatalog;
import io.mqttharness.spec.statement.StatementResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The comparison of a certification run with a broker's {@link Baseline}: new failures, fixed deviations, changed
 * verdicts and stale entries (which make the run differ), and the known deviations that are unchanged.
 *
 * <p>Rules: a scenario result without an entry is expected to be PASSED, OBSERVATION or NOT_APPLICABLE; FAILED or
 * ERROR is a new failure, unless a statement entry for one of its statements expects exactly that verdict. A
 * scenario or statement entry expects its verdict; a run that now passes is a fixed deviation (the entry must go),
 * another non-passing verdict is a change. Entries for versions the run did not certify are ignored.
 *
 * @param baseline what was expected
 * @param findings one finding per compared verdict that is not a plain pass, in run order
 */
public record BaselineComparison(Baseline baseline, List<BaselineFinding> findings) {
    private static final Set<Verdict> NO_DEVIATION =
            EnumSet.of(Verdict.PASSED, Verdict.OBSERVATION, Verdict.NOT_APPLICABLE, Verdict.NOT_COVERED);

    public BaselineComparison {
        findings = List.copyOf(findings);
    }

    /** Compares a run with a baseline. */
    public static BaselineComparison compare(Baseline baseline, CertificationRun run) {
        return compare(baseline, run.capabilities().keySet(), run.scenarios(), run.statements());
    }

    /**
     * Compares results with a baseline.
     *
     * @param versions the versions that were certified (entries for others are ignored)
     */
    public static BaselineComparison compare(Baseline baseline, Collection<MqttVersion> versions,
            List<ScenarioResult> scenarios, List<StatementResult> statements) {
        List<BaselineFinding> findings = new ArrayList<>();
        for (ScenarioResult r : scenarios) {
            BaselineEntry entry = scenarioEntry(baseline, r.scenarioId(), r.version());
            if (entry != null) {
                findings.add(judgeScenarioEntry(entry, r));
            } else if (!NO_DEVIATION.contains(r.verdict())) {
                BaselineEntry covering = coveringStatementEntry(baseline, r);
                findings.add(new BaselineFinding(covering != null ? BaselineFinding.Kind.KNOWN
                        : BaselineFinding.Kind.NEW_FAILURE, r.scenarioId(), r.statements(), r.version(),
                        covering != null ? covering.verdicts() : Set.of(), r.verdict(), r.message(), covering));
            }
        }
        for (BaselineEntry entry : baseline.entries()) {
            for (MqttVersion v : versions) {
                if (!entry.appliesTo(v)) {
                    continue;
                }
                if (entry.kind() == BaselineEntry.Kind.STATEMENT) {
                    findings.add(judgeStatementEntry(entry, v, statements));
                } else if (scenarios.stream().noneMatch(r -> r.scenarioId().equals(entry.scenarioId())
                        && r.version() == v) && (entry.version() != null
                        || scenarios.stream().noneMatch(r -> r.scenarioId().equals(entry.scenarioId())))) {
                    // an all-versions entry only goes stale when the scenario is gone for every version
                    findings.add(new BaselineFinding(BaselineFinding.Kind.STALE, entry.scenarioId(),
                            List.of(entry.statementId()), v, entry.verdicts(), null,
                            "the run has no result of scenario " + entry.scenarioId() + " under "
                                    + v.displayName(), entry));
                }
            }
        }
        return new BaselineComparison(baseline, findings);
    }

    private static BaselineFinding judgeScenarioEntry(BaselineEntry entry, ScenarioResult r) {
        // the deviation may concern a statement the scenario does not name (e.g. a crash on the way to what it
        // checks), but it must be a statement of that version
        if (!r.statements().contains(entry.statementId())
                && !StatementCatalog.load(r.version()).contains(entry.statementId())) {
            return new BaselineFinding(BaselineFinding.Kind.STALE, r.scenarioId(), r.statements(), r.version(),
                    entry.verdicts(), r.verdict(), entry.statementId() + " is not a normative statement of MQTT "
                    + r.version().displayName(), entry);
        }
        return new BaselineFinding(kind(entry, r.verdict()), r.scenarioId(), r.statements(), r.version(),
                entry.verdicts(), r.verdict(), r.message(), entry);
    }

    private static BaselineFinding judgeStatementEntry(BaselineEntry entry, MqttVersion v,
            List<StatementResult> statements) {
        StatementResult result = statements.stream()
                .filter(s -> s.version() == v && s.statement().id().equals(entry.statementId()))
                .findFirst().orElse(null);
        if (result == null || result.verdict() == Verdict.NOT_COVERED) {
            return new BaselineFinding(BaselineFinding.Kind.STALE, null, List.of(entry.statementId()), v,
                    entry.verdicts(), result == null ? null : result.verdict(),
                    "no scenario of the run checks " + entry.statementId() + " under " + v.displayName(), entry);
        }
        return new BaselineFinding(kind(entry, result.verdict()), null, List.of(entry.statementId()), v,
                entry.verdicts(), result.verdict(), "checked by " + result.scenarios(), entry);
    }

    private static BaselineFinding.Kind kind(BaselineEntry entry, Verdict actual) {
        if (entry.accepts(actual)) {
            return BaselineFinding.Kind.KNOWN;
        }
        if (NO_DEVIATION.contains(actual) && entry.verdicts().stream().noneMatch(NO_DEVIATION::contains)) {
            return BaselineFinding.Kind.FIXED;
        }
        return BaselineFinding.Kind.CHANGED;
    }

    private static BaselineEntry scenarioEntry(Baseline baseline, String scenarioId, MqttVersion v) {
        return baseline.entries().stream()
                .filter(e -> e.kind() == BaselineEntry.Kind.SCENARIO && e.scenarioId().equals(scenarioId)
                        && e.appliesTo(v))
                .findFirst().orElse(null);
    }

    private static BaselineEntry coveringStatementEntry(Baseline baseline, ScenarioResult r) {
        return baseline.entries().stream()
                .filter(e -> e.kind() == BaselineEntry.Kind.STATEMENT && e.appliesTo(r.version())
                        && e.accepts(r.verdict()) && r.statements().contains(e.statementId()))
                .findFirst().orElse(null);
    }

    /** Whether the run has exactly the deviations of the baseline (no new, fixed, changed or stale). */
    public boolean matches() {
        return findings.stream().noneMatch(BaselineFinding::differs);
    }

    /** Findings of one kind. */
    public List<BaselineFinding> of(BaselineFinding.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    /** New failures, fixed deviations, changes and stale entries, in that order. */
    public List<BaselineFinding> differences() {
        List<BaselineFinding> out = new ArrayList<>();
        for (BaselineFinding.Kind k : List.of(BaselineFinding.Kind.NEW_FAILURE, BaselineFinding.Kind.FIXED,
                BaselineFinding.Kind.CHANGED, BaselineFinding.Kind.STALE)) {
            out.addAll(of(k));
        }
        return out;
    }

    /** A readable diff: a summary line, then every difference; known deviations only counted. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("baseline ").append(baseline.source())
                .append(baseline.broker().isBlank() ? "" : " (" + baseline.broker() + ")").append(": ")
                .append(of(BaselineFinding.Kind.NEW_FAILURE).size()).append(" new failure(s), ")
                .append(of(BaselineFinding.Kind.FIXED).size()).append(" fixed deviation(s), ")
                .append(of(BaselineFinding.Kind.CHANGED).size()).append(" changed verdict(s), ")
                .append(of(BaselineFinding.Kind.STALE).size()).append(" stale entr(ies), ")
                .append(of(BaselineFinding.Kind.KNOWN).size()).append(" known deviation(s) unchanged\n");
        for (BaselineFinding f : differences()) {
            sb.append('\n').append(f.render()).append('\n');
        }
        return sb.toString();
    }
}
