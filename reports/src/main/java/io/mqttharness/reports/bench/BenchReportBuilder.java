package io.mqttharness.reports.bench;

import io.mqttharness.reports.bench.BenchResults.BrokerRun;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shapes one or more bench results into a {@link BenchReport}. Several files are merged side by
 * side: their brokers become columns in the order of the files, a name used twice gets a {@code (2)}.
 */
public final class BenchReportBuilder {
    /** Title when none is given. */
    public static final String DEFAULT_TITLE = "MQTT broker bench";

    private BenchReportBuilder() {
    }

    /**
     * @param sources the results files, at least one
     * @param outDir the directory the report will be written to (links to certify reports are relative to it)
     * @param title page title, or null for {@link #DEFAULT_TITLE}
     * @param now the report's time stamp
     */
    public static BenchReport build(List<LoadedBenchResults> sources, Path outDir, String title, Instant now) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no bench results to report on");
        }
        List<ReportBroker> brokers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (LoadedBenchResults source : sources) {
            for (BrokerRun run : source.results().brokers()) {
                String name = unique(run.name(), names);
                BrokerConformance conformance = run.conformance() == null ? null
                        : BrokerConformanceLoader.load(run.conformance(), source.directory(), outDir);
                brokers.add(new ReportBroker(name, run, source, conformance));
            }
        }
        Map<String, BrokerConformance> columns = new LinkedHashMap<>();
        brokers.forEach(b -> columns.put(b.name(), b.conformance()));
        ConformanceMatrix matrix = new ConformanceMatrixBuilder().build(columns);
        // per file, not across the merged brokers: the target compares two brokers measured in the same run
        Map<Path, PerformanceTarget> targets = new LinkedHashMap<>();
        sources.forEach(s -> PerformanceTarget.of(s.results()).ifPresent(t -> targets.put(s.file(), t)));
        return new BenchReport(title == null || title.isBlank() ? DEFAULT_TITLE : title, now, List.copyOf(sources),
                List.copyOf(brokers), HeadlineBuilder.build(brokers), matrix, ChartOptions.all(brokers),
                Collections.unmodifiableMap(targets));
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = name + " (" + i + ")";
        }
        return candidate;
    }
}
