package io.mqttharness.bench;

import io.mqttharness.brokers.BrokerLauncher;
import io.mqttharness.brokers.BrokerUnavailableException;
import io.mqttharness.brokers.RunningBroker;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.reports.bench.BenchResults.Conformance;
import io.mqttharness.reports.conformance.ConformanceReport;
import io.mqttharness.reports.conformance.ConformanceReportFiles;
import io.mqttharness.reports.conformance.HtmlReportWriter;
import io.mqttharness.spec.CertificationRequest;
import io.mqttharness.spec.CertificationRun;
import io.mqttharness.spec.CertificationRunner;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import io.mqttharness.spec.baseline.Baseline;
import io.mqttharness.spec.baseline.BaselineComparison;
import io.mqttharness.spec.baseline.FailureConfirmation;
import io.mqttharness.spec.baseline.IsolatedScenarios;
import io.mqttharness.spec.capability.CapabilityProfile;
import io.mqttharness.spec.client.BrokerUnreachableException;
import io.mqttharness.spec.client.MqttTarget;
import io.mqttharness.spec.statement.StatementResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Certifies a started broker in-process (both MQTT versions, the full suite unless patterns narrow it) and writes
 * the same report files as {@code mqtt-harness certify} into the broker's {@code conformance/} directory.
 */
final class ConformanceStep {
    private static final List<MqttVersion> VERSIONS = List.of(MqttVersion.MQTT_3_1_1, MqttVersion.MQTT_5);

    private final String harnessVersion;
    private final List<String> only;
    private final Path baselineDir;

    /** @param baselineDir where {@code <broker>.yaml} baselines are looked up, or null */
    ConformanceStep(String harnessVersion, List<String> only, Path baselineDir) {
        this.harnessVersion = harnessVersion;
        this.only = List.copyOf(only);
        this.baselineDir = baselineDir;
    }

    /** The broker's baseline, or null when there is no directory or no file for it. */
    Baseline baseline(String brokerName) {
        if (baselineDir == null) {
            return null;
        }
        Path file = baselineDir.resolve(BrokerBench.directoryName(brokerName) + ".yaml");
        return Files.isRegularFile(file) ? Baseline.load(file) : null;
    }

    /** What the step produced: the report for the console, the model entry, failures that did not repeat. */
    record Outcome(ConformanceReport report, Conformance conformance, List<ScenarioResult> intermittent) {
    }

    /**
     * Runs the certification and writes the reports. With a baseline, new failures (at most
     * {@value FailureConfirmation#MAX_CONFIRMATIONS}) are re-run alone on a fresh instance from {@code fresh} and
     * count as INTERMITTENT when they pass there, as in the third-party gates ({@link FailureConfirmation}).
     *
     * @param fresh starts another instance of the broker for the re-run; its log is kept as
     *     {@code broker-rerun.log} in {@code dir}
     * @param dir the broker's {@code conformance/} directory
     * @param relativeDir how bench-results.json refers to {@code dir}
     */
    Outcome run(RunningBroker broker, BrokerLauncher fresh, Path dir, String relativeDir)
            throws InterruptedException, IOException {
        CapabilityProfile profile = new CapabilityProfile(broker.capabilities(), null, null);
        CertificationRequest.Builder request = CertificationRequest
                .builder(MqttTarget.tcp(broker.host(), broker.port())).versions(VERSIONS).profile(profile);
        only.forEach(request::only);
        Baseline baseline = baseline(broker.name());
        // with a baseline, the scenarios it isolates (they break the broker) run last, one at a time
        CertificationRun run = baseline == null ? new CertificationRunner().run(request.build())
                : IsolatedScenarios.runLast(request.build(), baseline);
        List<ScenarioResult> intermittent = List.of();
        if (baseline != null) {
            FailureConfirmation.Outcome confirmed = FailureConfirmation.confirm(run, baseline,
                    ids -> rerunAlone(fresh, profile, ids, dir), FailureConfirmation.FRESH_INSTANCE);
            run = confirmed.run();
            intermittent = confirmed.intermittent();
        }
        ConformanceReport report = new ConformanceReport(run, broker.description(), harnessVersion,
                baseline == null ? null : BaselineComparison.compare(baseline, run));
        ConformanceReportFiles.writeAll(report, dir);
        return new Outcome(report, conformance(run, relativeDir), intermittent);
    }

    /**
     * The scenarios re-run one at a time on a fresh instance; none when that instance cannot be started or
     * reached, so that the first results stand (a new failure then stays one) instead of the certification being
     * lost.
     */
    private static List<ScenarioResult> rerunAlone(BrokerLauncher fresh, CapabilityProfile profile, List<String> ids,
            Path dir) throws InterruptedException {
        RunningBroker broker;
        try {
            broker = fresh.start();
        } catch (BrokerUnavailableException | RuntimeException e) {
            return List.of();
        }
        try (broker) {
            CertificationRequest.Builder request = CertificationRequest
                    .builder(MqttTarget.tcp(broker.host(), broker.port())).versions(VERSIONS).profile(profile)
                    .parallelism(1);
            ids.forEach(request::only);
            List<ScenarioResult> results = new CertificationRunner().run(request.build()).scenarios();
            BrokerLogs.keep(broker, dir, "broker-rerun.log");
            return results;
        } catch (BrokerUnreachableException e) {
            return List.of();
        }
    }

    /** Counts per version, statement verdicts keyed {@code VERSION:ID}, failures linked to their traces. */
    static Conformance conformance(CertificationRun run, String relativeDir) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (MqttVersion v : run.capabilities().keySet().stream().sorted().toList()) {
            Map<String, Integer> byVerdict = new TreeMap<>();
            run.scenarios().stream().filter(r -> r.version() == v)
                    .forEach(r -> byVerdict.merge(r.verdict().name(), 1, Integer::sum));
            counts.put(v.displayName(), byVerdict);
        }
        Map<String, String> statements = new TreeMap<>();
        for (StatementResult s : run.statements()) {
            String verdict = s.verdict() == Verdict.NOT_COVERED ? "UNCOVERED" : s.verdict().name();
            // a statement ID such as MQTT-3.1.4-1 exists in both specifications with different texts
            statements.put(s.version().displayName() + ":" + s.statement().id(), verdict);
        }
        Map<String, String> failed = new TreeMap<>();
        for (ScenarioResult r : run.scenarios()) {
            if (r.verdict() == Verdict.FAILED || r.verdict() == Verdict.ERROR) {
                failed.putIfAbsent(r.scenarioId(), relativeDir + "/" + ConformanceReportFiles.HTML + "#"
                        + HtmlReportWriter.problemAnchor(r.scenarioId(), r.version()));
            }
        }
        return new Conformance(relativeDir, counts, statements, failed);
    }
}
