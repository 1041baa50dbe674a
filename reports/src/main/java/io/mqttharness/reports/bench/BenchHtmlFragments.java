package io.mqttharness.reports.bench;

import io.mqttharness.reports.bench.BenchResults.BrokerStatus;
import io.mqttharness.reports.bench.BenchResults.Disclosure;
import io.mqttharness.reports.bench.BrokerConformance.ConformanceTotals;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.TreeMap;

/** The server-rendered parts of the bench report page: the headline table and the full-disclosure block. */
final class BenchHtmlFragments {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private BenchHtmlFragments() {
    }

    static String headline(Headline h) {
        StringBuilder html = new StringBuilder(4096);
        int q = h.qosLevels().size();
        html.append("<table class=\"data headline\" id=\"headline-table\"><thead><tr>")
                .append("<th rowspan=\"2\">Broker</th><th rowspan=\"2\">Status</th>")
                .append("<th rowspan=\"2\" class=\"num\">Conformance<br><span class=\"small\">passed / failed / n.a.")
                .append("</span></th>");
        if (q > 0) {
            html.append("<th colspan=\"").append(q).append("\" class=\"grp\">Max sustained msg/s, p99 &le; 100 ms<br>")
                    .append("<span class=\"small\">").append(BenchText.esc(h.workload())).append("</span></th>")
                    .append("<th colspan=\"").append(q).append("\" class=\"grp\">p99 at a common rate</th>");
        }
        html.append("<th rowspan=\"2\" class=\"num\">Peak RSS</th><th rowspan=\"2\" class=\"num\">Connections</th>")
                .append("</tr><tr>");
        for (int qos : h.qosLevels()) {
            html.append("<th class=\"num\">QoS ").append(qos).append("</th>");
        }
        for (int qos : h.qosLevels()) {
            Double rate = h.commonRates().get(qos);
            html.append("<th class=\"num\">QoS ").append(qos).append("<br><span class=\"small\">")
                    .append(rate == null ? "none" : "@ " + BenchText.rate(rate) + "/s").append("</span></th>");
        }
        html.append("</tr></thead><tbody>\n");
        for (Headline.Row row : h.rows()) {
            html.append("<tr data-broker=\"").append(BenchText.esc(row.broker())).append("\"><td><b>")
                    .append(BenchText.esc(row.broker())).append("</b>");
            if (row.version() != null) {
                html.append(" <span class=\"small\">").append(BenchText.esc(row.version())).append("</span>");
            }
            html.append("</td><td>").append(status(row.status())).append("</td>");
            if (row.status() != BrokerStatus.RAN) {
                html.append("<td colspan=\"").append(3 + 2 * q).append("\" class=\"reason\">")
                        .append(BenchText.esc(BenchText.orDash(row.reason()))).append("</td></tr>\n");
                continue;
            }
            html.append("<td class=\"num\">").append(totals(row.conformance())).append("</td>");
            for (int qos : h.qosLevels()) {
                Double max = row.maxSustained().get(qos);
                html.append("<td class=\"num\">").append(max == null ? "<span class=\"small\">none</span>"
                        : BenchText.rate(max)).append("</td>");
            }
            for (int qos : h.qosLevels()) {
                Long p99 = row.p99AtCommonRate().get(qos);
                html.append("<td class=\"num\">").append(p99 == null ? "\u2014" : BenchText.millis(p99)).append("</td>");
            }
            html.append("<td class=\"num\">").append(row.peakRssBytes() == null ? "\u2014"
                    : BenchText.bytes(row.peakRssBytes())).append("</td><td class=\"num\">")
                    .append(row.connectionsReached() == null ? "\u2014"
                            : String.format(Locale.ROOT, "%,d", row.connectionsReached()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
        return html.toString();
    }

    private static String totals(ConformanceTotals t) {
        if (t == null) {
            return "<span class=\"small\">not certified</span>";
        }
        return "<span class=\"c-PASSED\">" + t.passed() + "</span> / <span class=\"c-FAILED\">" + t.failed()
                + "</span> / <span class=\"c-NOT_APPLICABLE\">" + t.notApplicable() + "</span>"
                + ("statements".equals(t.basis()) ? "" : "<br><span class=\"small\">" + t.basis() + "</span>");
    }

    static String status(BrokerStatus status) {
        return "<span class=\"status st-" + status.name() + "\">" + status.name().toLowerCase(Locale.ROOT) + "</span>";
    }

    static String disclosure(BenchReport report) {
        StringBuilder html = new StringBuilder(4096);
        for (LoadedBenchResults source : report.sources()) {
            BenchResults r = source.results();
            Disclosure d = r.disclosure();
            html.append("<div class=\"card disclosure\"><h3>").append(BenchText.esc(source.file().toString()))
                    .append("</h3>\n<table class=\"kv\"><tbody>");
            row(html, "bench started", r.started() == null ? null : TIME.format(r.started()));
            row(html, "mqtt-harness", r.toolVersion());
            row(html, "mode", r.quick() ? "quick (--quick: shortened sequence)" : "full");
            if (d != null) {
                row(html, "host", d.host());
                row(html, "CPU", d.cpu() + (d.cores() > 0 ? " (" + d.cores() + " cores available)" : ""));
                row(html, "memory", d.memoryBytes() > 0 ? BenchText.bytes(d.memoryBytes()) : null);
                row(html, "OS", d.os());
                row(html, "JDK", d.jdk());
                if (d.parameters() != null) {
                    new TreeMap<>(d.parameters()).forEach((k, v) -> row(html, k, v));
                }
            }
            String steal = HostSteal.summary(r);
            if (steal != null) {
                row(html, "host CPU steal during the load", steal);
            }
            html.append("</tbody></table>\n");
            for (ReportBroker b : report.brokers()) {
                if (b.source() != source) {
                    continue;
                }
                html.append("<div class=\"broker-disclosure\" data-broker=\"").append(BenchText.esc(b.name()))
                        .append("\"><h4>").append(BenchText.esc(b.name())).append(' ')
                        .append(status(b.run().status()));
                if (b.run().version() != null) {
                    html.append(" <span class=\"small\">version ").append(BenchText.esc(b.run().version()))
                            .append("</span>");
                }
                html.append("</h4>");
                if (b.run().reason() != null) {
                    html.append("<p class=\"reason\">").append(BenchText.esc(b.run().reason())).append("</p>");
                }
                for (String entry : b.run().notApplicable()) {
                    html.append("<p class=\"reason\">not applicable: ").append(BenchText.esc(entry)).append("</p>");
                }
                if (b.conformance() != null && b.conformance().reportLink() != null) {
                    html.append("<p><a href=\"").append(BenchText.esc(b.conformance().reportLink()))
                            .append("\">certification report</a></p>");
                }
                if (b.run().launch() != null && !b.run().launch().isBlank()) {
                    html.append("<details><summary>launch and configuration</summary><pre>")
                            .append(BenchText.esc(b.run().launch())).append("</pre></details>");
                }
                html.append("</div>\n");
            }
            html.append("</div>\n");
        }
        return html.toString();
    }

    private static void row(StringBuilder html, String key, String value) {
        html.append("<tr><th>").append(BenchText.esc(key)).append("</th><td>")
                .append(BenchText.esc(BenchText.orDash(value))).append("</td></tr>");
    }
}
