package io.mqttharness.reports.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the rendered bench report in headless Chromium and checks what a reader sees: every chart drawn, the
 * matrix rows and its filters working, no console error and no network request. Skipped, with the reason, where
 * Chromium is not installed ({@code apt-get install chromium}; .ci/run installs it). The screenshot is kept in
 * {@code target/bench-report-browser/report.png}.
 */
@Timeout(60)
class BenchReportBrowserTest {

    @TempDir
    Path tmp;

    @Test
    void report_renders_every_chart_and_the_matrix_without_console_errors() throws Exception {
        Optional<Path> chromium = HeadlessChromium.binary();
        Assumptions.assumeTrue(chromium.isPresent(),
                "Chromium is not installed (apt-get install chromium): the browser test of the bench report is skipped");
        LoadedBenchResults loaded = BenchFixtures.writeWithReports(BenchFixtures.results(), tmp.resolve("bench"));
        Path out = tmp.resolve("report");
        BenchReport report = BenchReportBuilder.build(List.of(loaded), out, "Browser test", Instant.now());
        Path html = BenchReportWriter.write(report, out).get(0);

        try (HeadlessChromium browser = HeadlessChromium.start(chromium.get(), tmp.resolve("profile"))) {
            for (String domain : List.of("Runtime", "Log", "Page", "Network")) {
                browser.send(domain + ".enable", null);
            }
            browser.send("Emulation.setDeviceMetricsOverride", HeadlessChromium.params().put("width", 1400)
                    .put("height", 1000).put("deviceScaleFactor", 1).put("mobile", false));
            browser.send("Page.navigate", HeadlessChromium.params().put("url", html.toUri().toString()));
            browser.awaitEvent("Page.loadEventFired");
            Awaitility.await("report script finished").atMost(Duration.ofSeconds(10))
                    .until(() -> browser.evaluate("!!(window.benchReport && window.benchReport.ready)").asBoolean());

            JsonNode charts = browser.evaluate("Array.from(document.querySelectorAll('div.chart')).map(d => {"
                    + " const svg = d.querySelector('svg'); const r = svg ? svg.getBoundingClientRect() : null;"
                    + " return {id: d.id, instance: !!echarts.getInstanceByDom(d), w: r ? r.width : 0,"
                    + " h: r ? r.height : 0, paths: d.querySelectorAll('svg path').length}; })");
            assertThat(charts).hasSize(report.charts().size());
            List<String> ids = new ArrayList<>();
            for (JsonNode c : charts) {
                ids.add(c.get("id").asText());
                assertThat(c.get("instance").asBoolean()).as("ECharts instance in %s", c).isTrue();
                assertThat(c.get("w").asDouble()).as("svg width of %s", c).isGreaterThan(200);
                assertThat(c.get("h").asDouble()).as("svg height of %s", c).isGreaterThan(200);
                assertThat(c.get("paths").asInt()).as("drawn paths in %s", c).isGreaterThan(5);
            }
            assertThat(ids).containsExactlyElementsOf(report.charts().stream().map(s -> "chart-" + s.id()).toList());

            JsonNode rows = browser.evaluate("Array.from(document.querySelectorAll('#matrix tr.row'))"
                    + ".map(r => r.querySelector('td.st .mono').textContent + ' ' + r.getAttribute('data-version'))");
            assertThat(rows).extracting(JsonNode::asText).containsExactly("MQTT-3.1.4-1 3.1.1", "MQTT-3.1.4-1 5",
                    "MQTT-3.3.1-4 5", "MQTT-4.8.2-1 5");
            assertThat(browser.evaluate("document.querySelector('#matrix a.v-FAILED').getAttribute('href')").asText())
                    .isEqualTo("../bench/certify/slowmq/report.html#p-5-scn-mqtt-3.3.1-4");
            assertThat(browser.evaluate("document.querySelectorAll('#headline-table tbody tr').length").asInt())
                    .isEqualTo(3);

            // the filters: a broker FAILED -> 1 row; only differences -> 2 rows; text search
            assertThat(visibleAfter(browser, "f-verdict", "'FAILED'")).isEqualTo(1);
            assertThat(visibleAfter(browser, "f-verdict", "''")).isEqualTo(4);
            assertThat(browser.evaluate("(() => { const c = document.getElementById('f-diff'); c.checked = true;"
                    + " c.dispatchEvent(new Event('change')); return " + VISIBLE + "; })()").asInt()).isEqualTo(2);
            assertThat(browser.evaluate("(() => { const t = document.getElementById('f-text'); t.value = 'subscriptions';"
                    + " t.dispatchEvent(new Event('input')); return " + VISIBLE + "; })()").asInt()).isEqualTo(1);

            screenshot(browser, Path.of("target", "bench-report-browser", "report.png"));

            List<String> problems = new ArrayList<>();
            for (JsonNode e : browser.events()) {
                String method = e.path("method").asText();
                JsonNode p = e.path("params");
                if (method.equals("Runtime.exceptionThrown")
                        || method.equals("Runtime.consoleAPICalled") && p.path("type").asText().matches("error|assert")
                        || method.equals("Log.entryAdded") && p.path("entry").path("level").asText().equals("error")) {
                    problems.add(e.toString());
                }
                if (method.equals("Network.requestWillBeSent")
                        && !p.path("request").path("url").asText().matches("^(file|data|about):.*")) {
                    problems.add("network request: " + p.path("request").path("url").asText());
                }
            }
            assertThat(problems).as("console errors and network requests").isEmpty();
        }
    }

    private static final String VISIBLE = "Array.from(document.querySelectorAll('#matrix tr.row'))"
            + ".filter(r => r.style.display !== 'none').length";

    private static int visibleAfter(HeadlessChromium browser, String select, String value) throws Exception {
        return browser.evaluate("(() => { const s = document.getElementById('" + select + "'); s.value = " + value
                + "; s.dispatchEvent(new Event('change')); return " + VISIBLE + "; })()").asInt();
    }

    private static void screenshot(HeadlessChromium browser, Path file) throws Exception {
        // reset the filters so that the picture shows the whole matrix
        browser.evaluate("(() => { const c = document.getElementById('f-diff'); c.checked = false;"
                + " const t = document.getElementById('f-text'); t.value = ''; t.dispatchEvent(new Event('input'));"
                + " c.dispatchEvent(new Event('change')); return true; })()");
        double height = browser.send("Page.getLayoutMetrics", null).path("cssContentSize").path("height").asDouble();
        var clip = HeadlessChromium.params().put("x", 0).put("y", 0).put("width", 1400)
                .put("height", Math.min(height, 12_000)).put("scale", 1);
        var params = HeadlessChromium.params().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        String png = browser.send("Page.captureScreenshot", params).path("data").asText();
        byte[] bytes = Base64.getDecoder().decode(png);
        assertThat(bytes.length).isGreaterThan(10_000);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
