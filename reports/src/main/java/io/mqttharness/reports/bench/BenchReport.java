package io.mqttharness.reports.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
 * @param targets results file -> the reference-vs-mosquitto performance target of that run, in file order; only
 *     files whose run has both brokers with a sweep (so usually empty or one entry)
 */
public record BenchReport(String title, Instant generatedAt, List<LoadedBenchResults> sources,
        List<ReportBroker> brokers, Headline headline, ConformanceMatrix matrix, List<ChartSpec> charts,
        Map<Path, PerformanceTarget> targets) {
}
