package io.mqttharness.spec.baseline;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.CertificationRequest;
import io.mqttharness.spec.CertificationRun;
import io.mqttharness.spec.CertificationRunner;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.ScenarioSelector;
import io.mqttharness.spec.Verdict;
import io.mqttharness.spec.client.BrokerUnreachableException;
import io.mqttharness.spec.scenario.Scenario;
import io.mqttharness.spec.scenario.ScenarioLoader;
import io.mqttharness.spec.statement.StatementCatalog;
import io.mqttharness.spec.statement.StatementResult;
import io.mqttharness.spec.statement.StatementRollup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs a certification of a broker that cannot be restarted (a remote target) so that the scenarios its baseline
 * marks {@code isolate: true} cannot damage the others: every other scenario runs first, in parallel as requested;
 * the isolated ones run after all of them, one at a time. Their results say so in their message, which every
 * report shows. (Runners that can start brokers, such as the third-party gates, run each on a fresh instance.)
 */
public final class IsolatedScenarios {
    /** Put before the message of each isolated scenario result run last. */
    public static final String RUN_LAST_NOTE =
            "run after all other scenarios, one at a time (isolate: true in the baseline)";

    private IsolatedScenarios() {
    }

    /**
     * IDs of the scenarios the request selects that the baseline isolates for one of the requested versions, sorted.
     */
    public static List<String> selectedBy(CertificationRequest request, Baseline baseline) {
        Set<String> isolated = new TreeSet<>();
        for (BaselineEntry e : baseline.entries()) {
            if (e.isolate() && (e.version() == null || request.versions().contains(e.version()))) {
                isolated.add(e.scenarioId());
            }
        }
        return selection(request).stream().map(Scenario::id).filter(isolated::contains).distinct().sorted()
                .toList();
    }

    /**
     * Runs {@code request} with the baseline's isolated scenarios last and sequentially; without any it is a plain
     * {@link CertificationRunner#run}. The listener of the request hears about every result.
     *
     * @throws BrokerUnreachableException when the broker cannot be reached for the main run; if it cannot be
     *     reached any more for the isolated scenarios, those are ERROR results instead
     */
    public static CertificationRun runLast(CertificationRequest request, Baseline baseline)
            throws InterruptedException {
        List<String> isolated = selectedBy(request, baseline);
        if (isolated.isEmpty()) {
            return new CertificationRunner().run(request);
        }
        List<Scenario> selected = selection(request);
        List<String> main = selected.stream().map(Scenario::id).filter(id -> !isolated.contains(id)).distinct()
                .toList();
        CertificationRun mainRun = new CertificationRunner().run(withOnly(request, main, request.parallelism()));
        List<ScenarioResult> extra;
        try {
            extra = new CertificationRunner().run(withOnly(request, isolated, 1)).scenarios();
        } catch (BrokerUnreachableException e) {
            extra = unreachable(selected, isolated, request.versions(), e.getMessage());
        }
        return merge(mainRun, extra, RUN_LAST_NOTE);
    }

    /**
     * The main run plus results of scenarios run separately, with statements rolled up again over all of them; the
     * separate results carry {@code note} in front of their message (PASSED results have none and stay so).
     */
    public static CertificationRun merge(CertificationRun main, List<ScenarioResult> extra, String note) {
        if (extra.isEmpty()) {
            return main;
        }
        List<ScenarioResult> scenarios = new ArrayList<>(main.scenarios());
        extra.forEach(r -> scenarios.add(annotate(r, note)));
        scenarios.sort(Comparator.comparing(ScenarioResult::scenarioId).thenComparing(r -> r.version().level()));
        List<StatementResult> statements = new ArrayList<>();
        for (MqttVersion v : main.capabilities().keySet().stream().sorted().toList()) {
            statements.addAll(StatementRollup.rollUp(StatementCatalog.load(v), scenarios));
        }
        return new CertificationRun(main.runId(), main.target(), main.startedAt(), main.durationMillis(),
                main.capabilities(), scenarios, statements);
    }

    private static ScenarioResult annotate(ScenarioResult r, String note) {
        if (r.message() == null || note == null) {
            return r;
        }
        return new ScenarioResult(r.scenarioId(), r.title(), r.version(), r.statements(), r.verdict(),
                note + ": " + r.message(), r.observations(), r.trace(), r.durationMillis(), r.source());
    }

    private static List<Scenario> selection(CertificationRequest request) {
        return ScenarioLoader.load(request.includeBuiltIn(), request.scenarioDirectories()).stream()
                .filter(s -> ScenarioSelector.selected(s, request.only())).toList();
    }

    /** The request for exactly these scenario IDs; none selects nothing (the run still probes the broker). */
    private static CertificationRequest withOnly(CertificationRequest r, List<String> ids, int parallelism) {
        return new CertificationRequest(r.target(), r.versions(), ids.isEmpty() ? List.of("(none)") : ids,
                r.includeBuiltIn(), r.scenarioDirectories(), r.profile(), parallelism, r.settings(), r.runId(),
                r.listener());
    }

    private static List<ScenarioResult> unreachable(List<Scenario> selected, List<String> isolated,
            Collection<MqttVersion> versions, String reason) {
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario s : selected) {
            if (!isolated.contains(s.id())) {
                continue;
            }
            for (MqttVersion v : s.versions()) {
                if (versions.contains(v)) {
                    results.add(new ScenarioResult(s.id(), s.title(), v, s.statementsFor(v), Verdict.ERROR,
                            "the broker could not be reached any more after the other scenarios: " + reason,
                            List.of(), List.of(), 0, s.source()));
                }
            }
        }
        return results;
    }
}
