package io.mqttharness.spec.statement;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Rolls scenario verdicts up to statements. A statement FAILED if any scenario checking it failed; otherwise it is
 * an OBSERVATION if any reported one; otherwise PASSED if at least one passed; otherwise ERROR if a scenario
 * could not judge; otherwise NOT_APPLICABLE. Server-testable statements no scenario checks are NOT_COVERED;
 * other statements without scenarios are left out.
 */
public final class StatementRollup {
    private StatementRollup() {
    }

    public static List<StatementResult> rollUp(StatementCatalog catalog, List<ScenarioResult> results) {
        List<StatementResult> out = new ArrayList<>();
        MqttVersion version = catalog.version();
        for (Statement st : catalog.all()) {
            Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
            List<String> scenarios = new ArrayList<>();
            for (ScenarioResult r : results) {
                if (r.version() == version && r.statements().contains(st.id())) {
                    verdicts.add(r.verdict());
                    scenarios.add(r.scenarioId());
                }
            }
            if (scenarios.isEmpty()) {
                if (st.serverTestable()) {
                    out.add(new StatementResult(st, version, Verdict.NOT_COVERED, scenarios));
                }
                continue;
            }
            out.add(new StatementResult(st, version, combine(verdicts), scenarios));
        }
        return out;
    }

    /** The statement verdict for a set of scenario verdicts (see the class comment). */
    public static Verdict combine(Set<Verdict> verdicts) {
        for (Verdict v : List.of(Verdict.FAILED, Verdict.OBSERVATION, Verdict.PASSED, Verdict.ERROR)) {
            if (verdicts.contains(v)) {
                return v;
            }
        }
        return Verdict.NOT_APPLICABLE;
    }
}
