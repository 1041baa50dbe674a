package io.mqttharness.reports.conformance;

import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import io.mqttharness.spec.client.TraceEntry;
import java.util.List;

/**
 * The problem section of the HTML report: for every FAILED, ERROR and OBSERVATION result the failed expectation
 * (or the observations) and the annotated packet trace, each packet sent or received on its own row with its time
 * since the scenario started, the client, the decoded packet and its bytes.
 */
final class HtmlTraceRenderer {

    /** One collapsible block per result; failures and errors open, observations closed. */
    void render(StringBuilder html, List<ScenarioResult> results) {
        for (ScenarioResult r : results) {
            boolean open = r.verdict() != Verdict.OBSERVATION;
            html.append("<details class=\"problem ").append(r.verdict().name()).append("\" id=\"")
                    .append(Html.problemAnchor(r.scenarioId(), r.version())).append('"').append(open ? " open" : "")
                    .append(">\n<summary>").append(Html.badge(r.verdict())).append(" <b>")
                    .append(Html.esc(r.displayName())).append("</b><span class=\"title\">")
                    .append(Html.esc(r.title())).append("</span></summary>\n<div class=\"body\">\n");
            html.append("<div class=\"small\">statements: <b>").append(Html.esc(String.join(", ", r.statements())))
                    .append("</b> &middot; scenario file: <code>").append(Html.esc(r.source()))
                    .append("</code> &middot; ").append(r.durationMillis()).append(" ms</div>\n");
            html.append("<h3 style=\"margin-top:10px\">").append(heading(r.verdict())).append("</h3>\n");
            if (r.message() != null) {
                html.append("<div class=\"expectation mono\">").append(Html.esc(r.message().strip()))
                        .append("</div>\n");
            }
            if (!r.observations().isEmpty()) {
                html.append("<ul class=\"plain\">");
                r.observations().forEach(o -> html.append("<li>").append(Html.esc(o)).append("</li>"));
                html.append("</ul>\n");
            }
            renderTrace(html, r.trace());
            html.append("</div>\n</details>\n");
        }
    }

    private static String heading(Verdict v) {
        return switch (v) {
            case FAILED -> "Failed expectation";
            case ERROR -> "Why the harness could not judge";
            default -> "Observations (SHOULD/MAY, not failures)";
        };
    }

    private static void renderTrace(StringBuilder html, List<TraceEntry> trace) {
        if (trace.isEmpty()) {
            html.append("<p class=\"none\">No packets were exchanged.</p>\n");
            return;
        }
        html.append("<h3>Packet trace</h3>\n<table class=\"trace\"><thead><tr><th>time</th><th>client</th>")
                .append("<th></th><th>packet (decoded)</th><th>bytes</th></tr></thead><tbody>\n");
        for (TraceEntry e : trace) {
            html.append("<tr class=\"").append(e.direction().name()).append("\"><td class=\"t\">+")
                    .append(e.offsetMillis()).append(" ms</td><td>").append(Html.esc(e.client() == null ? "" : e.client()))
                    .append("</td><td class=\"dir\">").append(direction(e.direction())).append("</td><td class=\"pkt\">")
                    .append(Html.esc(e.summary())).append("</td><td class=\"hex\">")
                    .append(Html.esc(e.hex() == null ? "" : e.hex())).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static String direction(TraceEntry.Direction d) {
        return switch (d) {
            case SENT -> "&rarr; sent";
            case RECEIVED -> "&larr; received";
            case EVENT -> "&bull;";
        };
    }
}
