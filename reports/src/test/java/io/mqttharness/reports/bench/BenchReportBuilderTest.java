package io.mqttharness.reports.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.mqttharness.reports.bench.BenchResults.BrokerRun;
import io.mqttharness.reports.bench.BenchResults.BrokerStatus;
import io.mqttharness.reports.bench.ConformanceMatrix.Cell;
import io.mqttharness.reports.bench.ConformanceMatrix.Row;
import io.mqttharness.reports.bench.ConformanceMatrix.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportBuilderTest {
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    @TempDir
    Path tmp;

    private BenchReport build() throws IOException {
        LoadedBenchResults loaded = BenchFixtures.writeWithReports(BenchFixtures.results(), tmp.resolve("bench"));
        return BenchReportBuilder.build(List.of(loaded), tmp.resolve("out"), null, NOW);
    }

    @Test
    void headline_has_max_sustained_rate_per_qos_p99_at_the_common_rate_and_peak_rss() throws IOException {
        Headline h = build().headline();

        assertThat(h.workload()).isEqualTo("sensor-fleet");
        assertThat(h.qosLevels()).containsExactly(0, 1);
        assertThat(h.commonRates()).containsExactly(entry(0, 4000.0), entry(1, 4000.0));
        Headline.Row reference = h.rows().get(0);
        Headline.Row slowmq = h.rows().get(1);
        assertThat(reference.maxSustained()).containsExactly(entry(0, 3996.0), entry(1, 3996.0));
        // slowmq: QoS 1 at 4000/s achieved 2500 with p99 2.5 s, so 2000/s (1995 achieved) is its best
        assertThat(slowmq.maxSustained()).containsExactly(entry(0, 3950.0), entry(1, 1995.0));
        assertThat(reference.p99AtCommonRate()).containsEntry(1, 6_000L);
        assertThat(slowmq.p99AtCommonRate()).containsEntry(1, 2_500_000L);
        assertThat(slowmq.peakRssBytes()).isEqualTo((100L + 4 * 29) << 20);
        assertThat(slowmq.connectionsReached()).isEqualTo(640);
        assertThat(slowmq.conformance().passed()).isEqualTo(3);
        assertThat(slowmq.conformance().failed()).isEqualTo(1);
        assertThat(reference.conformance().notApplicable()).isEqualTo(1);
    }

    @Test
    void skipped_broker_is_a_headline_row_with_its_reason_in_html_and_markdown() throws IOException {
        BenchReport report = build();
        Headline.Row skipped = report.headline().rows().get(2);
        assertThat(skipped.broker()).isEqualTo("hivemq-ce");
        assertThat(skipped.status()).isEqualTo(BrokerStatus.SKIPPED);
        assertThat(skipped.reason()).isEqualTo(BenchFixtures.SKIP_REASON);

        String html = BenchHtmlPage.render(report);
        assertThat(html).contains("<tr data-broker=\"hivemq-ce\">")
                .contains(BenchText.esc(BenchFixtures.SKIP_REASON));
        String md = BenchMarkdownWriter.render(report);
        assertThat(md).contains("| hivemq-ce | skipped | " + BenchFixtures.SKIP_REASON + " |")
                .contains("## Brokers that did not run\n\n- **hivemq-ce** skipped: " + BenchFixtures.SKIP_REASON);
        // the headline table is the top of the Markdown
        assertThat(md.lines().skip(2).findFirst().orElseThrow()).startsWith("| Broker | Status |");
    }

    @Test
    void a_workload_that_does_not_apply_is_listed_apart_and_the_broker_still_ran() throws IOException {
        BrokerRun slowmq = BenchFixtures.slowmq();
        String entry = "fan-in qos0: shared subscriptions are an MQTT 5 feature <3.1.1>";
        BrokerRun withNotApplicable = new BrokerRun(slowmq.name(), slowmq.version(), slowmq.status(), slowmq.reason(),
                slowmq.launch(), slowmq.conformance(), slowmq.rateSweep(), slowmq.connectionRamp(),
                slowmq.resources(), List.of(entry));
        BenchResults results = new BenchResults(1, "0.1.0-TEST", Instant.parse("2026-11-22T06:00:00Z"), true,
                BenchFixtures.disclosure(), List.of(BenchFixtures.reference(), withNotApplicable));
        BenchReport report = BenchReportBuilder.build(
                List.of(BenchFixtures.writeWithReports(results, tmp.resolve("na"))), tmp.resolve("out"), null, NOW);

        assertThat(report.headline().rows().get(1).status()).isEqualTo(BrokerStatus.RAN);
        assertThat(BenchMarkdownWriter.render(report)).contains("## Workloads not applicable")
                .contains("- **slowmq** " + entry + "\n");
        assertThat(BenchHtmlPage.render(report)).contains("not applicable: " + BenchText.esc(entry))
                .doesNotContain("not applicable: " + entry);
        assertThat(BenchMarkdownWriter.render(build())).doesNotContain("## Workloads not applicable");
    }

    @Test
    void matrix_groups_statements_by_version_and_section_and_links_failures_to_their_trace() throws IOException {
        ConformanceMatrix matrix = build().matrix();

        assertThat(matrix.brokers()).containsExactly("reference", "slowmq", "hivemq-ce");
        assertThat(matrix.sections()).extracting(Section::version, Section::number, Section::title).containsExactly(
                org.assertj.core.groups.Tuple.tuple("3.1.1", "3.1", "CONNECT"),
                org.assertj.core.groups.Tuple.tuple("5", "3.1", "CONNECT"),
                org.assertj.core.groups.Tuple.tuple("5", "3.3", "PUBLISH"),
                org.assertj.core.groups.Tuple.tuple("5", "4.8", "Subscriptions"));
        assertThat(matrix.rowCount()).isEqualTo(4);
        Row publish = matrix.sections().get(2).rows().get(0);
        assertThat(publish.id()).isEqualTo("MQTT-3.3.1-4");
        assertThat(publish.level()).isNotBlank();
        assertThat(publish.summary()).isNotBlank();
        assertThat(publish.differs()).isTrue();
        assertThat(publish.cells()).containsExactly(new Cell("PASSED", null),
                new Cell("FAILED", "../bench/certify/slowmq/report.html#p-5-scn-mqtt-3.3.1-4"),
                new Cell(null, null));
        assertThat(tmp.resolve("out").resolve("../bench/certify/slowmq/report.html").normalize()).isRegularFile();
        // same verdict everywhere (the skipped broker has none): no difference
        assertThat(matrix.sections().get(1).rows().get(0).differs()).isFalse();
        assertThat(matrix.sections().get(3).rows().get(0).differs()).isTrue();
    }

    @Test
    void failure_without_a_certify_summary_links_to_the_failure_list_of_the_report() throws IOException {
        Path dir = tmp.resolve("plain");
        Files.createDirectories(dir.resolve("cert"));
        Files.writeString(dir.resolve("cert/report.html"), "<html></html>");
        BrokerRun run = new BrokerRun("b", null, BrokerStatus.RAN, null, null,
                new BenchResults.Conformance("cert", Map.of(), Map.of("MQTT-3.3.1-4", "FAILED"), Map.of()),
                List.of(), null, List.of());
        BenchResults results = new BenchResults(1, "t", NOW, false, BenchFixtures.disclosure(), List.of(run));
        BenchReport report = BenchReportBuilder.build(List.of(new LoadedBenchResults(dir.resolve("r.json"), results)),
                dir, "t", NOW);

        Section section = report.matrix().sections().get(0);
        assertThat(section.version()).isEmpty();
        assertThat(section.rows().get(0).cells().get(0)).isEqualTo(new Cell("FAILED", "cert/report.html#failures"));

        Files.delete(dir.resolve("cert/report.html"));
        BenchReport withoutCertifyReport = BenchReportBuilder.build(
                List.of(new LoadedBenchResults(dir.resolve("r.json"), results)), dir, "t", NOW);
        assertThat(withoutCertifyReport.matrix().sections().get(0).rows().get(0).cells().get(0))
                .isEqualTo(new Cell("FAILED", null));
    }

    @Test
    void merged_files_keep_every_broker_and_make_duplicate_names_unique() throws IOException {
        LoadedBenchResults a = BenchFixtures.writeWithReports(BenchFixtures.results(), tmp.resolve("a"));
        LoadedBenchResults b = BenchFixtures.writeWithReports(BenchFixtures.results(), tmp.resolve("b"));
        BenchReport report = BenchReportBuilder.build(List.of(a, b), tmp.resolve("out"), "Two runs", NOW);

        assertThat(report.brokers()).extracting(ReportBroker::name).containsExactly("reference", "slowmq",
                "hivemq-ce", "reference (2)", "slowmq (2)", "hivemq-ce (2)");
        assertThat(report.matrix().brokers()).hasSize(6);
        assertThat(report.matrix().sections().get(2).rows().get(0).cells().get(4).link())
                .isEqualTo("../b/certify/slowmq/report.html#p-5-scn-mqtt-3.3.1-4");
    }

    @Test
    void charts_cover_every_workload_and_qos_every_broker_with_a_sweep_and_the_resources() throws IOException {
        List<ChartSpec> charts = build().charts();
        assertThat(charts).extracting(ChartSpec::id).containsExactly("rate-1", "rate-2", "latency-1", "latency-2",
                "cpu", "rss", "connections");
        ChartSpec rate = charts.get(1);
        assertThat(rate.title()).isEqualTo("Achieved vs offered rate: sensor-fleet, QoS 1");
        // reference, slowmq, and the ideal line
        assertThat(rate.option().get("series")).hasSize(3);
        assertThat(rate.option().get("series").get(1).get("data").get(2).toString()).isEqualTo("[4000.0,2500.0]");
        ChartSpec latency = charts.get(3);
        assertThat(latency.option().get("xAxis").get("type").asText()).isEqualTo("log");
        assertThat(latency.option().get("series")).hasSize(6);
        assertThat(latency.option().get("xAxis").get("max").asDouble()).isEqualTo(10_000);
    }

    @Test
    void page_data_cannot_close_its_script_element() throws IOException {
        LoadedBenchResults loaded = BenchFixtures.writeWithReports(BenchFixtures.results(), tmp.resolve("bench"));
        BenchReport report = BenchReportBuilder.build(List.of(loaded), tmp, "x</script><script>alert(1)</script>",
                NOW);
        String json = BenchPageJson.scriptSafe(report);
        assertThat(json).doesNotContain("<").contains("x\\u003c/script>");
        assertThat(BenchHtmlPage.render(report)).contains("<title>x&lt;/script&gt;");
    }
}
