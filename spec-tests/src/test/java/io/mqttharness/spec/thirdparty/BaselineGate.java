package io.mqttharness.spec.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.mqttharness.brokers.BrokerLauncher;
import io.mqttharness.brokers.BrokerUnavailableException;
import io.mqttharness.brokers.RunningBroker;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.CertificationRequest;
import io.mqttharness.spec.CertificationRun;
import io.mqttharness.spec.CertificationRunner;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.ScenarioSelector;
import io.mqttharness.spec.baseline.Baseline;
import io.mqttharness.spec.baseline.BaselineComparison;
import io.mqttharness.spec.baseline.FailureConfirmation;
import io.mqttharness.spec.baseline.IsolatedScenarios;
import io.mqttharness.spec.capability.BrokerCapabilities;
import io.mqttharness.spec.capability.CapabilityProfile;
import io.mqttharness.spec.client.MqttTarget;
import io.mqttharness.spec.scenario.Scenario;
import io.mqttharness.spec.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

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

    private static final String FRESH_INSTANCE_NOTE =
            "run on a fresh broker instance (isolate: true in the baseline)";

    private final String name;
    private final BrokerLauncher launcher;
    private final CapabilityProfile profile;

    /**
     * @param name the baseline file name (and report name)
     * @param launcher starts a fresh instance of the broker; the test is skipped when the broker is unavailable
     */
    BaselineGate(String name, BrokerLauncher launcher, CapabilityProfile profile) {
        this.name = name;
        this.launcher = launcher;
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
        try (RunningBroker broker = start()) {
            report.broker(broker);
            main = certify(broker, mainSelection);
            report.keepLog(broker, "");
        }
        List<ScenarioResult> extra = new ArrayList<>();
        for (String id : isolatedSelection) {
            try (RunningBroker broker = start()) {
                extra.addAll(certify(broker, List.of(id)).scenarios());
                report.keepLog(broker, "-" + id);
            }
        }
        CertificationRun run = IsolatedScenarios.merge(main, extra, FRESH_INSTANCE_NOTE);
        FailureConfirmation.Outcome confirmed = FailureConfirmation.confirm(run, baseline,
                ids -> rerunAlone(ids, report), FailureConfirmation.FRESH_INSTANCE);
        confirmed.intermittent().forEach(report::intermittent);
        run = confirmed.run();
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

    /** Runs the scenarios one at a time on a fresh broker instance (see {@link FailureConfirmation}). */
    private List<ScenarioResult> rerunAlone(List<String> ids, CertificationReport report)
            throws InterruptedException {
        try (RunningBroker broker = start()) {
            CertificationRequest.Builder request = CertificationRequest
                    .builder(MqttTarget.tcp(broker.host(), broker.port())).versions(VERSIONS).profile(profile)
                    .parallelism(1);
            ids.forEach(request::only);
            List<ScenarioResult> rerun = new CertificationRunner().run(request.build()).scenarios();
            report.keepLog(broker, "-rerun");
            return rerun;
        }
    }

    /** A fresh broker; aborts the test (skip) with the reason when it cannot run here. */
    private RunningBroker start() {
        try {
            return launcher.start();
        } catch (BrokerUnavailableException e) {
            return Assumptions.abort(name + " is unavailable: " + e.getMessage());
        }
    }

    private CertificationRun certify(RunningBroker broker, List<String> scenarioIds) throws InterruptedException {
        CertificationRequest.Builder request = CertificationRequest
                .builder(MqttTarget.tcp(broker.host(), broker.port())).versions(VERSIONS).profile(profile)
                .parallelism(Integer.getInteger("mqtt-harness.parallelism", 8));
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
}
