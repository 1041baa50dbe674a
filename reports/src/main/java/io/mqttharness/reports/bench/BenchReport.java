package io.mqttharness.reports.bench;

import java.time.Instant;
import java.util.List;

/**
 * Everything the bench report page and its Markdown summary show, shaped from one or more bench results files.
 *
 * @param title page title
 * @param generatedAt when the report was built
 * @param sources the bench results files, in the order given
 * @param brokers every broker of every file, skipped and failed ones included, with unique names
 * @param headline the headline table
 * @param matrix statement x broker verdicts
 * @param charts the performance charts
 */
public record BenchReport(String title, Instant generatedAt, List<LoadedBenchResults> sources,
        List<ReportBroker> brokers, Headline headline, ConformanceMatrix matrix, List<ChartSpec> charts) {
}
