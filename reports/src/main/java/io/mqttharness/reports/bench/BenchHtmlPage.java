package io.mqttharness.reports.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders the bench report as one self-contained HTML page: style, data, the ECharts library and the page
 * script are all inline, so the file can be opened offline or kept as a CI artifact.
 */
public final class BenchHtmlPage {
    private static final Map<String, String> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("rate", "Achieved vs offered rate");
        GROUPS.put("latency", "Latency percentile distribution");
        GROUPS.put("resources", "Broker resources");
        GROUPS.put("connections", "Connections");
    }

    private BenchHtmlPage() {
    }

    /** The complete page. */
    public static String render(BenchReport report) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", BenchText.esc(report.title()));
        values.put("subtitle", BenchText.esc(subtitle(report)));
        values.put("css", PageResources.text("bench-report.css"));
        values.put("headline", BenchHtmlFragments.headline(report.headline()));
        values.put("target", PerformanceTargetText.html(report.targets()));
        values.put("targetLink", PerformanceTargetText.navLink(report.targets()));
        values.put("charts", charts(report.charts()));
        values.put("disclosure", BenchHtmlFragments.disclosure(report));
        values.put("generated", BenchText.esc(BenchHtmlFragments.TIME.format(report.generatedAt())));
        values.put("data", BenchPageJson.scriptSafe(report));
        values.put("echarts", PageResources.text(PageResources.ECHARTS));
        values.put("script", PageResources.text("bench-report.js"));
        return PageResources.fill(PageResources.text("bench-report.html"), values);
    }

    private static String subtitle(BenchReport report) {
        String brokers = report.brokers().stream().map(ReportBroker::name).collect(Collectors.joining(", "));
        return report.brokers().size() + " broker(s): " + brokers + " \u00b7 " + report.sources().size()
                + " results file(s)";
    }

    static String charts(List<ChartSpec> charts) {
        if (charts.isEmpty()) {
            return "<p class=\"none\">No broker has performance results.</p>\n";
        }
        StringBuilder html = new StringBuilder();
        GROUPS.forEach((group, heading) -> {
            List<ChartSpec> inGroup = charts.stream().filter(c -> c.group().equals(group)).toList();
            if (inGroup.isEmpty()) {
                return;
            }
            html.append("<h3 class=\"group\">").append(BenchText.esc(heading)).append("</h3>\n<div class=\"charts\">\n");
            for (ChartSpec c : inGroup) {
                html.append("<div class=\"chart-card\"><h3>").append(BenchText.esc(c.title()))
                        .append("</h3><div class=\"chart\" id=\"chart-").append(BenchText.esc(c.id()))
                        .append("\" data-chart=\"").append(BenchText.esc(c.id())).append("\"></div></div>\n");
            }
            html.append("</div>\n");
        });
        return html.toString();
    }
}
