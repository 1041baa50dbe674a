package io.mqttharness.reports.conformance;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import io.mqttharness.spec.baseline.BaselineFinding;
import io.mqttharness.spec.capability.BrokerCapabilities;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The plain-text summary printed at the end of {@code mqtt-harness certify}: one line per version with the scenario
 * counts and the statement coverage, then every failure, error and observation on one line each (scenario, version,
 * statements, the failed expectation), the baseline differences when there is a baseline, and the overall result.
 */
public final class ConsoleSummaryWriter {
    /** Failure lines are cut here so that one failure stays one terminal line or two; the reports have it all. */
    private static final int MAX_LINE = 400;

    /** Writes the summary; does not close the writer. */
    public void write(ConformanceReport report, PrintWriter out) {
        out.printf(Locale.ROOT, "MQTT conformance of %s at %s%n", report.brokerName(), report.run().target());
        out.printf(Locale.ROOT, "run %s, %s, mqtt-harness %s%n%n", report.run().runId(),
                ReportText.duration(report.run().durationMillis()), report.harnessVersion());
        for (MqttVersion v : report.versions()) {
            writeVersion(out, report.summary(v), report.run().capabilities().get(v));
        }
        writeResults(out, "Failures", report.results(Verdict.FAILED));
        writeResults(out, "Errors (the harness could not judge)", report.results(Verdict.ERROR));
        writeResults(out, "Observations (SHOULD/MAY, not failures)", report.results(Verdict.OBSERVATION));
        if (report.baseline() != null) {
            writeBaseline(out, report);
        }
        out.println();
        out.println("Result: " + report.resultLabel() + resultDetail(report));
        out.flush();
    }

    private static void writeVersion(PrintWriter out, VersionSummary s, BrokerCapabilities caps) {
        out.printf(Locale.ROOT, "MQTT %-6s scenarios: %d passed, %d failed, %d n/a, %d error, %d observation%n",
                s.version().displayName(), s.scenarios(Verdict.PASSED), s.scenarios(Verdict.FAILED),
                s.scenarios(Verdict.NOT_APPLICABLE), s.scenarios(Verdict.ERROR), s.scenarios(Verdict.OBSERVATION));
        out.printf(Locale.ROOT, "%12sstatements: %d of %d server-testable covered (%.1f%%); %d passed, %d failed%n",
                "", s.covered(), s.serverTestable(), s.coveragePercent(), s.statements(Verdict.PASSED),
                s.statements(Verdict.FAILED));
        if (caps != null && !caps.accepted()) {
            out.printf(Locale.ROOT, "%12sthe broker refused MQTT %s connections: %s%n", "",
                    s.version().displayName(), caps.refusal());
        }
    }

    private static void writeResults(PrintWriter out, String heading, List<ScenarioResult> results) {
        if (results.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "%n%s (%d):%n", heading, results.size());
        for (ScenarioResult r : results) {
            out.println("  " + ReportText.oneLine(ReportText.resultLine(r), MAX_LINE));
        }
    }

    private static void writeBaseline(PrintWriter out, ConformanceReport report) {
        List<BaselineFinding> differences = report.baseline().findings().stream()
                .filter(BaselineFinding::differs).toList();
        long known = report.baseline().findings().size() - differences.size();
        out.printf(Locale.ROOT, "%nBaseline %s: %d known deviation(s), %d difference(s)%n",
                report.baseline().baseline().source(), known, differences.size());
        for (BaselineFinding f : differences) {
            out.println("  " + f.render().replace("\n", "\n  "));
        }
    }

    private static String resultDetail(ConformanceReport report) {
        long failed = report.results(Verdict.FAILED).size();
        long errors = report.results(Verdict.ERROR).size();
        String counts = failed + " failed, " + errors + " error";
        if (report.baseline() != null) {
            long diffs = report.baseline().findings().stream().filter(BaselineFinding::differs).count();
            return " (" + diffs + " difference(s); " + counts + ")";
        }
        return " (" + counts + ")";
    }
}
