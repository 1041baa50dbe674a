package io.mqttharness.reports.conformance;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.CertificationRun;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import io.mqttharness.spec.baseline.BaselineComparison;
import io.mqttharness.spec.capability.BrokerCapabilities;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Everything the conformance report writers need: the engine's {@link CertificationRun} plus what only the caller
 * knows (how to name the broker, the harness version) and, when the run was compared with a baseline, that
 * comparison. Every writer of this package renders the same report, so that the console, JUnit XML, JSON, HTML
 * and Markdown outputs never disagree.
 *
 * @param run the certification run
 * @param brokerName how to call the broker in report headers, e.g. {@code mqtt-harness reference broker (embedded)}
 *        or the target address
 * @param harnessVersion the mqtt-harness version that produced the run
 * @param baseline the comparison with the broker's baseline, or {@code null} when none was given
 */
public record ConformanceReport(CertificationRun run, String brokerName, String harnessVersion,
        BaselineComparison baseline) {

    public ConformanceReport {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(brokerName, "brokerName");
        Objects.requireNonNull(harnessVersion, "harnessVersion");
    }

    /** The certified versions, oldest first: the probed ones plus any that scenario results name. */
    public List<MqttVersion> versions() {
        TreeSet<MqttVersion> versions = new TreeSet<>(Comparator.comparingInt(MqttVersion::level));
        versions.addAll(run.capabilities().keySet());
        run.scenarios().forEach(r -> versions.add(r.version()));
        return List.copyOf(versions);
    }

    /** Counts and statement coverage of one version. */
    public VersionSummary summary(MqttVersion version) {
        return VersionSummary.of(run, version);
    }

    /** Scenario results with one of the verdicts, in run order (scenario ID, then version). */
    public List<ScenarioResult> results(Verdict verdict) {
        return run.scenarios().stream().filter(r -> r.verdict() == verdict).toList();
    }

    /** Whether any scenario FAILED. */
    public boolean hasFailures() {
        return run.scenarios().stream().anyMatch(r -> r.verdict() == Verdict.FAILED);
    }

    /** Whether any scenario could not be judged (ERROR). */
    public boolean hasErrors() {
        return run.scenarios().stream().anyMatch(r -> r.verdict() == Verdict.ERROR);
    }

    /** Whether every verdict is as the baseline expects; {@code false} when there is no baseline. */
    public boolean matchesBaseline() {
        return baseline != null && baseline.matches();
    }

    /** Whether the broker refused the probe connection of every version, so that nothing was checked. */
    public boolean nothingChecked() {
        return !run.capabilities().isEmpty()
                && run.capabilities().values().stream().noneMatch(BrokerCapabilities::accepted);
    }

    /**
     * The overall result in a few words: NOT CHECKED when the broker refused every version; with a baseline whether
     * the run matches it; otherwise FAILED when a scenario failed, ERROR when one could not be judged, else PASSED.
     */
    public String resultLabel() {
        if (nothingChecked()) {
            return "NOT CHECKED";
        }
        if (baseline != null) {
            return baseline.matches() ? "MATCHES BASELINE" : "DIFFERS FROM BASELINE";
        }
        if (hasFailures()) {
            return "FAILED";
        }
        return hasErrors() ? "ERROR" : "PASSED";
    }

    /** Whether the overall result is good (PASSED, or MATCHES BASELINE), for colouring. */
    public boolean resultIsGood() {
        if (nothingChecked()) {
            return false;
        }
        return baseline != null ? baseline.matches() : !hasFailures() && !hasErrors();
    }
}
