package io.mqttharness.spec.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.CertificationRequest;
import io.mqttharness.spec.CertificationRun;
import io.mqttharness.spec.CertificationRunner;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.ScenarioSelector;
import io.mqttharness.spec.baseline.Baseline;
import io.mqttharness.spec.baseline.BaselineComparison;
import io.mqttharness.spec.capability.BrokerCapabilities;
import io.mqttharness.spec.capability.CapabilityProfile;
import io.mqttharness.spec.scenario.Scenario;
import io.mqttharness.spec.scenario.ScenarioLoader;
import io.mqttharness.spec.statement.StatementCatalog;
import io.mqttharness.spec.statement.StatementResult;
import io.mqttharness.spec.statement.StatementRollup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Certifies a third-party broker with every built-in scenario under 3.1.1 and 5 and checks the run against the
 * broker's committed baseline ({@code src/test/resources/baselines/<name>.yaml}). A difference fails with a
 * readable diff; the full report (capabilities, counts, diff, packet traces of every FAILED/ERROR scenario) and the
 * broker's log are written to {@code target/certification/} for triage.
 *
 * <p>Scenarios the baseline marks {@code isolate: true} leave the broker broken (a crash in a worker thread);
 * each runs on a fresh broker instance after the main run, so that the damage does not show up as false failures
 * of unrelated scenarios.
 */
final class BaselineGate {
    private static final List<MqttVersion> VERSIONS = List.of(MqttVersion.MQTT_3_1_1, MqttVersion.MQTT_5);

    private final String name;
    private final Supplier<ThirdPartyBroker> starter;
    private final CapabilityProfile profile;

    /**
     * @param name the baseline file name (and report name)
     * @param starter starts a fresh instance of the broker; it may abort the test when the broker is unavailable
     */
    BaselineGate(String name, Supplier<ThirdPartyBroker> starter, CapabilityProfile profile) {
        this.name = name;
        this.starter = starter;
        this.profile = profile;
    }

    /**
     * Runs the certification and fails unless it has exactly the baseline's deviations; also fails when a version
     * the broker is known to speak was refused (a broken fixture would otherwise pass as "all not applicable").
     */
    void assertMatchesBaseline(List<MqttVersion> spoken) throws InterruptedException {
        Baseline baseline = Baseline.loadResource("/baselines/" + name + ".yaml");
        List<String> selection = triageSelection();
        Set<String> isolated = baseline.isolatedScenarios();
        List<String> mainSelection = new ArrayList<>();
        List<String> isolatedSelection = new ArrayList<>();
        for (Scenario s : ScenarioLoader.builtIn()) {
            if (!selection.isEmpty() && !ScenarioSelector.selected(s, selection)) {
                continue;
            }
            (isolated.contains(s.id()) ? isolatedSelection : mainSelection).add(s.id());
        }
        CertificationReport report = new CertificationReport(name);
        CertificationRun main;
        try (ThirdPartyBroker broker = starter.get()) {
            report.broker(broker);
            main = certify(broker, mainSelection);
            report.keepLog(broker, "");
        }
        List<ScenarioResult> extra = new ArrayList<>();
        for (String id : isolatedSelection) {
            try (ThirdPartyBroker broker = starter.get()) {
                extra.addAll(certify(broker, List.of(id)).scenarios());
                report.keepLog(broker, "-" + id);
            }
        }
        CertificationRun run = merge(main, extra);
        BaselineComparison comparison = BaselineComparison.compare(baseline, run);
        String reportFile = report.write(run, comparison, isolatedSelection);
        for (MqttVersion v : spoken) {
            BrokerCapabilities caps = run.capabilities().get(v);
            assertThat(caps.accepted()).as("%s accepts MQTT %s connections (%s); see %s", report.description(),
                    v.displayName(), caps.refusal(), reportFile).isTrue();
        }
        if (!selection.isEmpty()) {
            fail("triage run of " + selection + " (-Dmqtt-harness.only): not a gate result; see " + reportFile);
        }
        if (!comparison.matches()) {
            fail(report.description() + ": the verdicts differ from the baseline\n\n" + comparison.render()
                    + "\nfull report with packet traces: " + reportFile);
        }
    }

    private CertificationRun certify(ThirdPartyBroker broker, List<String> scenarioIds) throws InterruptedException {
        CertificationRequest.Builder request = CertificationRequest.builder(broker.target()).versions(VERSIONS)
                .profile(profile).parallelism(Integer.getInteger("mqtt-harness.parallelism", 8));
        scenarioIds.forEach(request::only);
        if (scenarioIds.isEmpty()) {
            // no pattern would mean "all": select nothing, the run still probes the capabilities
            request.only("(none)");
        }
        return new CertificationRunner().run(request.build());
    }

    /** Triage aid: {@code -Dmqtt-harness.only=pattern,...} runs a subset; the test then fails as "not a gate". */
    private static List<String> triageSelection() {
        List<String> patterns = new ArrayList<>();
        for (String p : System.getProperty("mqtt-harness.only", "").split(",")) {
            if (!p.isBlank()) {
                patterns.add(p.trim());
            }
        }
        return patterns;
    }

    /** The main run plus the isolated scenarios' results, with statements rolled up again over all of them. */
    private static CertificationRun merge(CertificationRun main, List<ScenarioResult> extra) {
        if (extra.isEmpty()) {
            return main;
        }
        List<ScenarioResult> scenarios = new ArrayList<>(main.scenarios());
        scenarios.addAll(extra);
        scenarios.sort(Comparator.comparing(ScenarioResult::scenarioId).thenComparing(r -> r.version().level()));
        List<StatementResult> statements = new ArrayList<>();
        for (MqttVersion v : main.capabilities().keySet().stream().sorted().toList()) {
            statements.addAll(StatementRollup.rollUp(StatementCatalog.load(v), scenarios));
        }
        return new CertificationRun(main.runId(), main.target(), main.startedAt(), main.durationMillis(),
                main.capabilities(), scenarios, statements);
    }
}
