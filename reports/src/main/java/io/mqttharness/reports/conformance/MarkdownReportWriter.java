package io.mqttharness.reports.conformance;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import io.mqttharness.spec.baseline.BaselineFinding;
import io.mqttharness.spec.statement.StatementResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * {@code report.md}: a Markdown summary for pull requests, wikis and CI job summaries. A table of counts and
 * coverage per version, tables of failures, errors and observations (with the failed expectation), the baseline
 * differences, and every statement verdict in a collapsed table. Packet traces stay in the HTML and JUnit reports.
 */
public final class MarkdownReportWriter {

    /** Writes {@code file} (UTF-8), replacing it. */
    public void write(ConformanceReport report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    /** The Markdown document. */
    public String render(ConformanceReport report) {
        StringBuilder md = new StringBuilder(16 * 1024);
        md.append("# MQTT conformance report: ").append(inline(report.brokerName())).append("\n\n");
        md.append("- Target: `").append(report.run().target()).append("`\n");
        md.append("- Result: **").append(report.resultLabel()).append("**\n");
        md.append("- Started ").append(report.run().startedAt().truncatedTo(ChronoUnit.SECONDS)).append(", took ")
                .append(ReportText.duration(report.run().durationMillis())).append(", run ID `")
                .append(report.run().runId()).append("`, mqtt-harness ").append(inline(report.harnessVersion()))
                .append("\n\n");
        summary(md, report);
        results(md, "Failures", report.results(Verdict.FAILED));
        results(md, "Errors (the harness could not judge)", report.results(Verdict.ERROR));
        results(md, "Observations (SHOULD/MAY, not failures)", report.results(Verdict.OBSERVATION));
        if (report.baseline() != null) {
            baseline(md, report);
        }
        statements(md, report.run().statements());
        return md.toString();
    }

    private static void summary(StringBuilder md, ConformanceReport report) {
        md.append("## Summary\n\n");
        md.append("| Version | Scenario runs | Passed | Failed | Error | Observation | N/A | Statements covered |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (MqttVersion v : report.versions()) {
            VersionSummary s = report.summary(v);
            md.append(String.format(Locale.ROOT, "| MQTT %s | %d | %d | %d | %d | %d | %d | %d / %d (%.1f%%) |%n",
                    v.displayName(), s.scenarioTotal(), s.scenarios(Verdict.PASSED), s.scenarios(Verdict.FAILED),
                    s.scenarios(Verdict.ERROR), s.scenarios(Verdict.OBSERVATION), s.scenarios(Verdict.NOT_APPLICABLE),
                    s.covered(), s.serverTestable(), s.coveragePercent()));
        }
        md.append('\n');
    }

    private static void results(StringBuilder md, String heading, List<ScenarioResult> results) {
        if (results.isEmpty()) {
            return;
        }
        md.append("## ").append(heading).append(" (").append(results.size()).append(")\n\n");
        md.append("| Version | Scenario | Statements | Details |\n|---|---|---|---|\n");
        for (ScenarioResult r : results) {
            String detail = r.message() != null ? r.message() : String.join("; ", r.observations());
            md.append("| ").append(r.version().displayName()).append(" | `").append(r.scenarioId()).append("` | ")
                    .append(cell(String.join(", ", r.statements()))).append(" | ")
                    .append(cell(ReportText.oneLine(detail, 500))).append(" |\n");
        }
        md.append('\n');
    }

    private static void baseline(StringBuilder md, ConformanceReport report) {
        List<BaselineFinding> diffs = report.baseline().findings().stream().filter(BaselineFinding::differs).toList();
        md.append("## Baseline\n\nCompared with `").append(report.baseline().baseline().source()).append("`: ")
                .append(report.baseline().findings().size() - diffs.size()).append(" known deviation(s), **")
                .append(diffs.size()).append(" difference(s)**.\n\n");
        if (diffs.isEmpty()) {
            return;
        }
        md.append("| Kind | Version | Scenario / statement | Expected | Actual | Detail |\n|---|---|---|---|---|---|\n");
        for (BaselineFinding f : diffs) {
            md.append("| ").append(f.kind().name().replace('_', ' ')).append(" | ").append(f.version().displayName())
                    .append(" | ").append(cell(f.scenarioId() != null ? f.scenarioId() : String.join(", ", f.statements())))
                    .append(" | ").append(ReportText.expected(f)).append(" | ")
                    .append(f.actual() == null ? "missing" : f.actual().name()).append(" | ")
                    .append(cell(ReportText.oneLine(f.detail(), 300))).append(" |\n");
        }
        md.append('\n');
    }

    private static void statements(StringBuilder md, List<StatementResult> statements) {
        md.append("## Statements\n\n<details>\n<summary>All ").append(statements.size())
                .append(" statement verdicts</summary>\n\n");
        md.append("| Statement | Version | Level | Verdict | Scenarios |\n|---|---|---|---|---|\n");
        for (StatementResult s : statements) {
            md.append("| ").append(s.statement().id()).append(" | ").append(s.version().displayName()).append(" | ")
                    .append(cell(s.statement().level())).append(" | ").append(s.verdict().name()).append(" | ")
                    .append(cell(String.join(", ", s.scenarios()))).append(" |\n");
        }
        md.append("\n</details>\n");
    }

    /** A table cell: one line, pipes escaped so they do not split the cell. */
    static String cell(String text) {
        return ReportText.oneLine(text).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;");
    }

    private static String inline(String text) {
        return ReportText.oneLine(text).replace("<", "&lt;");
    }
}
