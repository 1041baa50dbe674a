package io.mqttharness.reports.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.mqttharness.reports.bench.BenchResults.Conformance;
import io.mqttharness.reports.bench.BrokerConformance.ConformanceTotals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Shapes a broker's {@link Conformance} for the report: parses the statement keys, counts verdicts and links every
 * failed statement to the packet trace of a failing scenario in the broker's certify report. Which scenario checked
 * which statement comes from that report's {@code summary.json}; without it a failure links to the report's
 * failure list, and when the report is not there, the failure has no link.
 */
final class BrokerConformanceLoader {
    /** File name of the certify HTML report ({@code index.html} is accepted too). */
    static final String CERTIFY_HTML = "report.html";

    private BrokerConformanceLoader() {
    }

    /**
     * @param conformance the bench's conformance results, not null
     * @param sourceDir directory of the bench results file (relative report directories start there)
     * @param outDir directory the report page is written to (links are relative to it)
     */
    static BrokerConformance load(Conformance conformance, Path sourceDir, Path outDir) {
        Map<StatementKey, String> verdicts = new TreeMap<>(StatementKey.ORDER);
        if (conformance.statements() != null) {
            conformance.statements().forEach((key, verdict) -> {
                if (key != null && verdict != null) {
                    String v = verdict.trim().toUpperCase(Locale.ROOT);
                    // the bench model's javadoc says UNCOVERED where the engine says NOT_COVERED
                    verdicts.put(StatementKey.parse(key), "UNCOVERED".equals(v) ? "NOT_COVERED" : v);
                }
            });
        }
        Path reportDir = conformance.reportDirectory() == null || conformance.reportDirectory().isBlank() ? null
                : sourceDir.resolve(conformance.reportDirectory()).normalize();
        // no link into a report that is not there (results copied without their certify directories)
        Path candidate = reportDir == null ? null : htmlFile(reportDir);
        Path html = candidate != null && Files.isRegularFile(candidate) ? candidate : null;
        Map<StatementKey, String> links = new HashMap<>();
        if (html != null) {
            Map<StatementKey, List<String>> failedScenarios = failedScenarios(reportDir.resolve("summary.json"));
            Map<String, String> anchors = conformance.failedScenarios() == null ? Map.of()
                    : conformance.failedScenarios();
            verdicts.forEach((key, verdict) -> {
                if ("FAILED".equals(verdict) || "ERROR".equals(verdict)) {
                    links.put(key, link(outDir, html, key, failedScenarios, anchors));
                }
            });
        }
        return new BrokerConformance(verdicts, links, html == null ? null : RelativeLinks.href(outDir, html, null),
                totals(verdicts, conformance.counts()));
    }

    private static Path htmlFile(Path reportDir) {
        Path report = reportDir.resolve(CERTIFY_HTML);
        Path index = reportDir.resolve("index.html");
        return !Files.exists(report) && Files.exists(index) ? index : report;
    }

    private static String link(Path outDir, Path html, StatementKey key, Map<StatementKey, List<String>> failed,
            Map<String, String> anchors) {
        List<String> scenarios = failed.get(key);
        String version = key.version();
        if (scenarios == null && version.isEmpty()) {
            // a bare ID: the first failing scenario of any version
            for (Map.Entry<StatementKey, List<String>> e : failed.entrySet()) {
                if (e.getKey().id().equals(key.id())) {
                    scenarios = e.getValue();
                    version = e.getKey().version();
                    break;
                }
            }
        }
        if (scenarios == null || scenarios.isEmpty()) {
            return RelativeLinks.href(outDir, html, "failures");
        }
        String scenario = scenarios.get(0);
        String anchor = anchors.get(scenario);
        if (anchor != null && !anchor.isBlank()) {
            int hash = anchor.indexOf('#');
            if (hash > 0) {
                // "report.html#p-5-x": a path inside the report directory
                return RelativeLinks.href(outDir, html.resolveSibling(anchor.substring(0, hash)),
                        anchor.substring(hash + 1));
            }
            return RelativeLinks.href(outDir, html, anchor.startsWith("#") ? anchor.substring(1) : anchor);
        }
        // the certify report's problem anchor: p-<version with _ for .>-<scenario id>
        return RelativeLinks.href(outDir, html, "p-" + version.replace('.', '_') + "-"
                + scenario.replaceAll("[^A-Za-z0-9_.-]", "-"));
    }

    /** statement (with version) -> failed or erroneous scenarios checking it, from certify's summary.json. */
    private static Map<StatementKey, List<String>> failedScenarios(Path summaryJson) {
        Map<StatementKey, List<String>> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(summaryJson)) {
            return out;
        }
        JsonNode root;
        try {
            root = BenchResultsJson.mapper().readTree(summaryJson.toFile());
        } catch (IOException e) {
            // A damaged certify summary only costs the deep links; the report still links to the failure list.
            return out;
        }
        Map<String, Set<String>> problemVersions = new HashMap<>();
        for (JsonNode p : root.path("problems")) {
            String verdict = p.path("verdict").asText();
            if ("FAILED".equals(verdict) || "ERROR".equals(verdict)) {
                problemVersions.computeIfAbsent(p.path("scenario").asText(), k -> new HashSet<>())
                        .add(StatementKey.normalizeVersion(p.path("version").asText()));
            }
        }
        for (JsonNode s : root.path("statements")) {
            String version = StatementKey.normalizeVersion(s.path("version").asText());
            StatementKey key = new StatementKey(version, s.path("id").asText());
            for (JsonNode scenario : s.path("scenarios")) {
                String id = scenario.asText();
                if (problemVersions.getOrDefault(id, Set.of()).contains(version)) {
                    out.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
                }
            }
        }
        return out;
    }

    private static ConformanceTotals totals(Map<StatementKey, String> verdicts,
            Map<String, Map<String, Integer>> counts) {
        if (verdicts.isEmpty() && counts != null && !counts.isEmpty()) {
            Map<String, Integer> sum = new HashMap<>();
            counts.values().forEach(byVerdict -> {
                if (byVerdict != null) {
                    byVerdict.forEach((verdict, n) -> sum.merge(verdict, n == null ? 0 : n, Integer::sum));
                }
            });
            int passed = sum.getOrDefault("PASSED", 0);
            int failed = sum.getOrDefault("FAILED", 0);
            int na = sum.getOrDefault("NOT_APPLICABLE", 0);
            int all = sum.values().stream().mapToInt(Integer::intValue).sum();
            return new ConformanceTotals(passed, failed, na, all - passed - failed - na, "scenario runs");
        }
        int passed = 0;
        int failed = 0;
        int na = 0;
        int other = 0;
        for (String v : verdicts.values()) {
            switch (v) {
                case "PASSED" -> passed++;
                case "FAILED" -> failed++;
                case "NOT_APPLICABLE" -> na++;
                default -> other++;
            }
        }
        return new ConformanceTotals(passed, failed, na, other, "statements");
    }
}
