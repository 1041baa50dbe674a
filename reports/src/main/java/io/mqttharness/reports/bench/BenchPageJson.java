package io.mqttharness.reports.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * The data the report page's script renders: the conformance matrix and the chart options, as one JSON document
 * that can sit inside a {@code <script type="application/json">} element.
 */
final class BenchPageJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchPageJson() {
    }

    static ObjectNode tree(BenchReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("title", report.title());
        ConformanceMatrix matrix = report.matrix();
        ObjectNode m = root.putObject("matrix");
        matrix.brokers().forEach(m.putArray("brokers")::add);
        ArrayNode sections = m.putArray("sections");
        for (ConformanceMatrix.Section s : matrix.sections()) {
            ObjectNode sn = sections.addObject().put("version", s.version()).put("number", s.number())
                    .put("title", s.title());
            ArrayNode rows = sn.putArray("rows");
            for (ConformanceMatrix.Row r : s.rows()) {
                ObjectNode rn = rows.addObject().put("id", r.id()).put("version", r.version())
                        .put("level", r.level()).put("summary", r.summary()).put("differs", r.differs());
                ArrayNode cells = rn.putArray("cells");
                for (ConformanceMatrix.Cell c : r.cells()) {
                    ObjectNode cn = cells.addObject();
                    cn.put("v", c.verdict());
                    if (c.link() != null) {
                        cn.put("link", c.link());
                    }
                }
            }
        }
        ArrayNode charts = root.putArray("charts");
        for (ChartSpec c : report.charts()) {
            charts.addObject().put("id", c.id()).put("group", c.group()).set("option", c.option());
        }
        return root;
    }

    /**
     * The JSON text, safe inside a script element: every {@code <} is written as the JSON escape {@code \u003c}
     * (a {@code <} can only occur inside a JSON string, where the escape means the same), so no
     * {@code </script>} can end the element early.
     */
    static String scriptSafe(BenchReport report) {
        try {
            return JSON.writeValueAsString(tree(report)).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
