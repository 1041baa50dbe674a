package io.mqttharness.spec.baseline;

import io.mqttharness.spec.CertificationRun;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Confirms new failures before they count, the way surefire's {@code rerunFailingTestsCount} does: scenarios that
 * failed without a baseline entry are re-run alone (by a {@link Rerun}: on a fresh broker instance where the
 * runner can start one, else on the same broker after all other scenarios). A broker that fails a scenario only under the parallel load of the main run (Moquette 0.17 has a
 * session-state race that closes a connection after a plain SUBSCRIBE or UNSUBSCRIBE) is then reported as
 * INTERMITTENT, with the first run's message kept, instead of as a new failure; a failure that repeats stays a
 * failure and says it was confirmed. Used by the third-party certification gates and by {@code bench}.
 */
public final class FailureConfirmation {
    /**
     * More new failures than this are not re-run: that many is a real regression (or a broken harness), not a
     * broker that sometimes loses a race under the parallel run.
     */
    public static final int MAX_CONFIRMATIONS = 3;

    /** Where the runners of the third-party gates and {@code bench} re-run: a broker they start afresh. */
    public static final String FRESH_INSTANCE = "on a fresh broker instance";

    /** Where {@code certify} re-runs: it cannot restart the broker it checks. */
    public static final String SAME_BROKER = "after the other scenarios, on the same broker";

    /** Put before the message of a failure that repeated when re-run alone {@code where}. */
    public static String confirmedNote(String where) {
        return "failed again when re-run alone " + where;
    }

    /** Put before the first run's message of a failure that did not repeat when re-run alone {@code where}. */
    public static String intermittentNote(String where) {
        return "INTERMITTENT: passed when re-run alone " + where + "; the first run said: ";
    }

    /** Re-runs scenarios, one at a time, and returns their results (for every version they ran under). */
    @FunctionalInterface
    public interface Rerun {
        List<ScenarioResult> run(List<String> scenarioIds) throws InterruptedException;
    }

    /** The run after confirmation, and the first results of the failures that did not repeat. */
    public record Outcome(CertificationRun run, List<ScenarioResult> intermittent) {
        public Outcome {
            intermittent = List.copyOf(intermittent);
        }
    }

    private FailureConfirmation() {
    }

    /**
     * Re-runs the new failures of {@code run} against {@code baseline} when there are 1 to
     * {@value #MAX_CONFIRMATIONS} of them; otherwise returns the run unchanged. The re-run results replace the
     * first ones.
     *
     * @param where how the results describe the re-run, {@link #FRESH_INSTANCE} or {@link #SAME_BROKER}
     */
    public static Outcome confirm(CertificationRun run, Baseline baseline, Rerun rerun, String where)
            throws InterruptedException {
        List<String> ids = BaselineComparison.compare(baseline, run).of(BaselineFinding.Kind.NEW_FAILURE).stream()
                .map(BaselineFinding::scenarioId).distinct().toList();
        if (ids.isEmpty() || ids.size() > MAX_CONFIRMATIONS) {
            return new Outcome(run, List.of());
        }
        List<ScenarioResult> again = rerun.run(ids);
        List<ScenarioResult> kept = new ArrayList<>();
        List<ScenarioResult> replaced = new ArrayList<>();
        List<ScenarioResult> intermittent = new ArrayList<>();
        for (ScenarioResult first : run.scenarios()) {
            ScenarioResult second = again.stream().filter(r -> r.scenarioId().equals(first.scenarioId())
                    && r.version() == first.version()).findFirst().orElse(null);
            if (second == null) {
                kept.add(first);
                continue;
            }
            boolean didNotRepeat = failing(first) && !failing(second);
            String note = didNotRepeat ? intermittentNote(where) + first.message() : confirmedNote(where);
            if (didNotRepeat) {
                intermittent.add(first);
            }
            replaced.add(new ScenarioResult(second.scenarioId(), second.title(), second.version(),
                    second.statements(), second.verdict(),
                    second.message() == null ? note : note + "; " + second.message(), second.observations(),
                    second.trace(), second.durationMillis(), second.source()));
        }
        CertificationRun withoutFirst = new CertificationRun(run.runId(), run.target(), run.startedAt(),
                run.durationMillis(), run.capabilities(), kept, run.statements());
        return new Outcome(IsolatedScenarios.merge(withoutFirst, replaced, null), intermittent);
    }

    private static boolean failing(ScenarioResult r) {
        return r.verdict() == Verdict.FAILED || r.verdict() == Verdict.ERROR;
    }
}
