package io.mqttharness.reports.conformance;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.CertificationRun;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import io.mqttharness.spec.statement.StatementResult;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The numbers of one protocol version: scenario results per verdict, statement verdicts per verdict, and how many
 * of the server-testable statements of the catalogue the selected scenarios check.
 *
 * @param version the protocol version
 * @param scenarioCounts scenario results per verdict; every verdict a scenario can have is a key (0 when none)
 * @param statementCounts statement verdicts per verdict; every verdict is a key (0 when none)
 * @param covered server-testable statements that at least one selected scenario checks
 * @param serverTestable server-testable statements in the catalogue of this version
 */
public record VersionSummary(MqttVersion version, Map<Verdict, Integer> scenarioCounts,
        Map<Verdict, Integer> statementCounts, int covered, int serverTestable) {

    public VersionSummary {
        scenarioCounts = Collections.unmodifiableMap(new EnumMap<>(scenarioCounts));
        statementCounts = Collections.unmodifiableMap(new EnumMap<>(statementCounts));
    }

    /** Computes the summary of one version of a run. */
    public static VersionSummary of(CertificationRun run, MqttVersion version) {
        Map<Verdict, Integer> scenarios = zeroes();
        scenarios.remove(Verdict.NOT_COVERED);
        for (ScenarioResult r : run.scenarios()) {
            if (r.version() == version) {
                scenarios.merge(r.verdict(), 1, Integer::sum);
            }
        }
        Map<Verdict, Integer> statements = zeroes();
        int covered = 0;
        int serverTestable = 0;
        // The engine lists every server-testable statement of the catalogue (NOT_COVERED when no scenario checks
        // it), so counting them here gives the catalogue's total without loading it again.
        for (StatementResult s : run.statements()) {
            if (s.version() != version) {
                continue;
            }
            statements.merge(s.verdict(), 1, Integer::sum);
            if (s.statement().serverTestable()) {
                serverTestable++;
                if (s.verdict() != Verdict.NOT_COVERED) {
                    covered++;
                }
            }
        }
        return new VersionSummary(version, scenarios, statements, covered, serverTestable);
    }

    private static Map<Verdict, Integer> zeroes() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        return counts;
    }

    /** Scenario results of this version. */
    public int scenarioTotal() {
        return scenarioCounts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Scenario results with this verdict. */
    public int scenarios(Verdict verdict) {
        return scenarioCounts.getOrDefault(verdict, 0);
    }

    /** Statements with this verdict. */
    public int statements(Verdict verdict) {
        return statementCounts.getOrDefault(verdict, 0);
    }

    /** Covered share of the server-testable statements in percent, one decimal; 0 when there are none. */
    public double coveragePercent() {
        return serverTestable == 0 ? 0 : Math.round(1000.0 * covered / serverTestable) / 10.0;
    }
}
