package io.mqttharness.reports.conformance;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import io.mqttharness.spec.statement.StatementResult;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two filterable tables of the HTML report: one row per statement and version (ID, level, summary from the
 * catalogue, verdict, the scenarios that check it) and one row per scenario result. The filter controls above each
 * table are wired up by {@code report.js}.
 */
final class HtmlTableRenderer {
    private static final Set<Verdict> WITH_TRACE = EnumSet.of(Verdict.FAILED, Verdict.ERROR, Verdict.OBSERVATION);

    void statements(StringBuilder html, ConformanceReport report) {
        Map<String, ScenarioResult> byKey = new HashMap<>();
        report.run().scenarios().forEach(r -> byKey.put(r.scenarioId() + "|" + r.version(), r));
        List<StatementResult> statements = report.run().statements();
        filters(html, "st", report.versions(), statements.stream().map(StatementResult::verdict).toList(),
                "filter by ID, summary or scenario");
        html.append("<table class=\"data\" id=\"st-table\"><thead><tr><th>Statement</th><th>Version</th>")
                .append("<th>Level</th><th>Summary</th><th>Verdict</th><th>Scenarios</th></tr></thead><tbody>\n");
        for (StatementResult s : statements) {
            html.append("<tr data-verdict=\"").append(s.verdict().name()).append("\" data-version=\"")
                    .append(Html.versionKey(s.version())).append("\"><td class=\"id mono\">")
                    .append(Html.esc(s.statement().id())).append("</td><td>").append(Html.esc(s.version().displayName()))
                    .append("</td><td class=\"small\">").append(Html.esc(s.statement().level())).append("</td><td>")
                    .append(Html.esc(s.statement().summary())).append("</td><td>").append(Html.badge(s.verdict()))
                    .append("</td><td class=\"scn small\">");
            for (String id : s.scenarios()) {
                ScenarioResult r = byKey.get(id + "|" + s.version());
                String anchor = r != null && WITH_TRACE.contains(r.verdict())
                        ? Html.problemAnchor(id, s.version()) : Html.scenarioAnchor(id, s.version());
                String cls = r == null ? "" : " class=\"c-" + r.verdict().name() + "\"";
                html.append("<a href=\"#").append(anchor).append('"').append(cls).append('>')
                        .append(Html.esc(id)).append("</a> ");
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    void scenarios(StringBuilder html, ConformanceReport report) {
        List<ScenarioResult> results = report.run().scenarios();
        filters(html, "sc", report.versions(), results.stream().map(ScenarioResult::verdict).toList(),
                "filter by ID, title, statement or message");
        html.append("<table class=\"data\" id=\"sc-table\"><thead><tr><th>Scenario</th><th>Version</th>")
                .append("<th>Title</th><th>Statements</th><th>Verdict</th><th>Time</th><th>Details</th></tr>")
                .append("</thead><tbody>\n");
        for (ScenarioResult r : results) {
            html.append("<tr id=\"").append(Html.scenarioAnchor(r.scenarioId(), r.version()))
                    .append("\" data-verdict=\"").append(r.verdict().name()).append("\" data-version=\"")
                    .append(Html.versionKey(r.version())).append("\"><td class=\"id mono\">")
                    .append(Html.esc(r.scenarioId())).append("</td><td>").append(Html.esc(r.version().displayName()))
                    .append("</td><td>").append(Html.esc(r.title())).append("</td><td class=\"small mono\">");
            // one unbreakable span per ID: browsers would otherwise wrap inside IDs at their hyphens
            r.statements().forEach(id -> html.append("<span class=\"nw\">").append(Html.esc(id)).append("</span> "));
            html.append("</td><td>")
                    .append(Html.badge(r.verdict())).append("</td><td class=\"small\">").append(r.durationMillis())
                    .append("&nbsp;ms</td><td class=\"small\">");
            if (WITH_TRACE.contains(r.verdict())) {
                html.append("<a href=\"#").append(Html.problemAnchor(r.scenarioId(), r.version()))
                        .append("\">trace</a> ");
            }
            String detail = r.message() != null ? r.message() : String.join("; ", r.observations());
            html.append(Html.esc(ReportText.oneLine(detail, 300))).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void filters(StringBuilder html, String prefix, List<MqttVersion> versions,
            List<Verdict> present, String placeholder) {
        html.append("<div class=\"filters\"><label>Verdict <select id=\"").append(prefix)
                .append("-verdict\"><option value=\"\">all</option>");
        for (Verdict v : Verdict.values()) {
            long n = present.stream().filter(p -> p == v).count();
            if (n > 0) {
                html.append("<option value=\"").append(v.name()).append("\">").append(Html.esc(ReportText.label(v)))
                        .append(" (").append(n).append(")</option>");
            }
        }
        html.append("</select></label><label>Version <select id=\"").append(prefix)
                .append("-version\"><option value=\"\">all</option>");
        for (MqttVersion v : versions) {
            html.append("<option value=\"").append(Html.versionKey(v)).append("\">MQTT ")
                    .append(Html.esc(v.displayName())).append("</option>");
        }
        html.append("</select></label><input type=\"search\" id=\"").append(prefix).append("-text\" placeholder=\"")
                .append(Html.esc(placeholder)).append("\"><span class=\"count\" id=\"").append(prefix)
                .append("-count\"></span></div>\n");
    }
}
