package io.mqttharness.reports.bench;

import io.mqttharness.reports.bench.PerformanceTarget.Latency;
import io.mqttharness.reports.bench.PerformanceTarget.Row;
import io.mqttharness.reports.bench.PerformanceTarget.Throughput;
import io.mqttharness.reports.bench.PerformanceTarget.Verdict;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The "Performance target" section of the bench report, in Markdown and as an HTML fragment; empty when no
 * results file has both a reference and a mosquitto sweep. Cell texts are shared so both formats say the same.
 */
final class PerformanceTargetText {
    static final String HEADING = "Performance target: reference vs mosquitto (same run)";
    /** Anchor of the HTML section. */
    static final String ANCHOR = "target";
    private static final String EXPLANATION = "Throughput: achieved msg/s of the highest sustained step (p99 ≤ 100 ms, "
            + "achieved ≥ 95 % of offered, QoS 1 nothing lost); the target is reference ≥ mosquitto. "
            + "≥ marks a broker that sustained the highest step of the sweep, so its limit lies above the number shown. "
            + "Latency: p99 end-to-end at 50 % of mosquitto's highest sustained offered rate (or, when the sweep has "
            + "no step there, the highest step below it that both brokers ran); the target is reference ≤ mosquitto. "
            + "Where a step ran in several rounds, its p99 is the median round's, every round's shown in brackets.";

    private PerformanceTargetText() {
    }

    static String markdown(Map<Path, PerformanceTarget> targets) {
        if (targets.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder(2048);
        md.append("\n## ").append(HEADING).append("\n");
        targets.forEach((file, target) -> {
            if (targets.size() > 1) {
                md.append("\n`").append(file).append("`:\n");
            }
            md.append("\n**").append(summary(target)).append("**\n\n")
                    .append("| Workload | QoS | mosquitto max msg/s | reference max msg/s | reference / mosquitto ")
                    .append("| Throughput | p99 compared at | mosquitto p99 | reference p99 | reference / mosquitto ")
                    .append("| Latency |\n|---|---:|---:|---:|---:|---|---|---:|---:|---:|---|\n");
            for (Row r : target.rows()) {
                Throughput t = r.throughput();
                Latency l = r.latency();
                md.append("| ").append(BenchText.oneLine(r.workload())).append(" | ").append(r.qos()).append(" | ")
                        .append(rate(t.mosquittoMax(), t.mosquittoCapped())).append(" | ")
                        .append(rate(t.referenceMax(), t.referenceCapped())).append(" | ").append(ratio(t.ratio()))
                        .append(" | ").append(BenchText.oneLine(verdict(t.verdict(), t.reason()))).append(" | ")
                        .append(comparedAt(l)).append(" | ").append(p99(l.mosquittoP99(), l.mosquittoRoundsP99()))
                        .append(" | ").append(p99(l.referenceP99(), l.referenceRoundsP99())).append(" | ").append(ratio(l.ratio())).append(" | ")
                        .append(BenchText.oneLine(verdict(l.verdict(), l.reason()))).append(" |\n");
            }
        });
        md.append('\n').append(EXPLANATION).append('\n');
        return md.toString();
    }

    /** The section (heading included), or "" when there is no target to show. */
    static String html(Map<Path, PerformanceTarget> targets) {
        if (targets.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder(4096);
        html.append("<h2 id=\"").append(ANCHOR).append("\">").append(BenchText.esc(HEADING)).append("</h2>\n");
        targets.forEach((file, target) -> {
            if (targets.size() > 1) {
                html.append("<h3>").append(BenchText.esc(file.toString())).append("</h3>\n");
            }
            html.append("<p><b>").append(BenchText.esc(summary(target))).append("</b></p>\n")
                    .append("<table class=\"data target\"><thead><tr>")
                    .append("<th rowspan=\"2\">Workload</th><th rowspan=\"2\" class=\"num\">QoS</th>")
                    .append("<th colspan=\"4\" class=\"grp\">Highest sustained rate, achieved msg/s</th>")
                    .append("<th colspan=\"5\" class=\"grp\">p99 end-to-end latency</th></tr><tr>")
                    .append("<th class=\"num\">mosquitto</th><th class=\"num\">reference</th>")
                    .append("<th class=\"num\">reference / mosquitto</th><th>verdict</th>")
                    .append("<th>compared at</th><th class=\"num\">mosquitto</th><th class=\"num\">reference</th>")
                    .append("<th class=\"num\">reference / mosquitto</th><th>verdict</th></tr></thead><tbody>\n");
            for (Row r : target.rows()) {
                Throughput t = r.throughput();
                Latency l = r.latency();
                html.append("<tr data-workload=\"").append(BenchText.esc(r.workload())).append("\" data-qos=\"")
                        .append(r.qos()).append("\"><td>").append(BenchText.esc(r.workload()))
                        .append("</td><td class=\"num\">").append(r.qos()).append("</td>");
                num(html, rate(t.mosquittoMax(), t.mosquittoCapped()));
                num(html, rate(t.referenceMax(), t.referenceCapped()));
                num(html, ratio(t.ratio()));
                verdictCell(html, t.verdict(), t.reason());
                html.append("<td>").append(BenchText.esc(comparedAt(l))).append("</td>");
                num(html, p99(l.mosquittoP99(), l.mosquittoRoundsP99()));
                num(html, p99(l.referenceP99(), l.referenceRoundsP99()));
                num(html, ratio(l.ratio()));
                verdictCell(html, l.verdict(), l.reason());
                html.append("</tr>\n");
            }
            html.append("</tbody></table>\n");
        });
        html.append("<p class=\"small\">").append(BenchText.esc(EXPLANATION)).append("</p>\n");
        return html.toString();
    }

    /** The table of contents link to the section, or "" when there is none. */
    static String navLink(Map<Path, PerformanceTarget> targets) {
        return targets.isEmpty() ? "" : "<a href=\"#" + ANCHOR + "\">Performance target</a>";
    }

    static String summary(PerformanceTarget target) {
        long met = target.count(Verdict.MET);
        long all = 2L * target.rows().size();
        return met + " of " + all + " checks met, " + target.count(Verdict.MISSED) + " missed, "
                + target.count(Verdict.NOT_MEASURED) + " not measured";
    }

    /** An achieved rate, "≥ " in front when it is a lower bound, "none" when there is none. */
    static String rate(Double rate, boolean capped) {
        return rate == null ? "none" : (capped ? "≥ " : "") + BenchText.rate(rate);
    }

    static String ratio(Double ratio) {
        return ratio == null ? "—" : String.format(Locale.ROOT, "%.2f×", ratio);
    }

    static String p99(Long micros) {
        return micros == null ? "—" : BenchText.millis(micros);
    }

    /** A p99, followed by every round's when the step ran several times: {@code 1.82 ms (3.02 / 1.80 / 1.82)}. */
    static String p99(Long micros, java.util.List<Long> rounds) {
        if (micros == null || rounds.isEmpty()) {
            return p99(micros);
        }
        return p99(micros) + " (" + String.join(" / ", rounds.stream().map(r -> String.format(Locale.ROOT, "%.2f",
                r / 1000.0)).toList()) + ")";
    }

    /** Where the p99 values were taken, saying so when it is not at exactly 50 %. */
    static String comparedAt(Latency l) {
        if (l.rate() == null) {
            return "—";
        }
        String max = BenchText.rate(l.mosquittoMaxOffered());
        return l.exactHalf() ? BenchText.rate(l.rate()) + " msg/s (50 % of " + max + ")"
                : "at " + BenchText.rate(l.rate()) + " msg/s, the highest common step ≤ 50 % of " + max;
    }

    static String verdict(Verdict verdict, String reason) {
        String name = verdict == Verdict.NOT_MEASURED ? "not measured" : verdict.name();
        return reason == null ? name : name + ": " + reason;
    }

    private static void num(StringBuilder html, String text) {
        html.append("<td class=\"num\">").append(BenchText.esc(text)).append("</td>");
    }

    private static void verdictCell(StringBuilder html, Verdict verdict, String reason) {
        html.append("<td><span class=\"v v-").append(verdict.name()).append("\">")
                .append(verdict == Verdict.NOT_MEASURED ? "not measured" : verdict.name().toLowerCase(Locale.ROOT))
                .append("</span>");
        if (reason != null) {
            html.append("<br><span class=\"small\">").append(BenchText.esc(reason)).append("</span>");
        }
        html.append("</td>");
    }
}
