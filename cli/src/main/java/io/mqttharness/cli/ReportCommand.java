package io.mqttharness.cli;

import io.mqttharness.reports.bench.BenchInputException;
import io.mqttharness.reports.bench.BenchReport;
import io.mqttharness.reports.bench.BenchReportBuilder;
import io.mqttharness.reports.bench.BenchReportWriter;
import io.mqttharness.reports.bench.BenchResultsJson;
import io.mqttharness.reports.bench.LoadedBenchResults;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mqtt-harness report}: turns one or more {@code bench-results.json} files into one self-contained HTML page
 * (conformance matrix, performance charts, headline table, full disclosure) and a Markdown summary.
 */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = CliVersionProvider.class,
        description = {
            "Renders bench results (bench-results.json of 'mqtt-harness bench') as one self-contained HTML page",
            "(report.html: headline table, conformance matrix, performance charts, full disclosure) and a",
            "Markdown summary (report.md). Several files are merged: their brokers are shown side by side."
        },
        footer = {"",
            "Exit status:",
            "  0  the report was written",
            "  1  the report could not be written",
            "  2  bad options, or a results file that cannot be read or is not bench results"})
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RESULTS", description = "bench-results.json file(s).")
    private List<Path> results = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory for report.html and report.md (default: the directory of the first RESULTS file).")
    private Path out;

    @Option(names = "--title", paramLabel = "T", description = "Page title (default: '"
            + BenchReportBuilder.DEFAULT_TITLE + "').")
    private String title;

    @Override
    public Integer call() {
        List<LoadedBenchResults> loaded = new ArrayList<>();
        for (Path file : results) {
            try {
                loaded.add(BenchResultsJson.read(file));
            } catch (BenchInputException e) {
                throw new CliException(CliException.BAD_INPUT, e.getMessage(), e);
            }
        }
        Path dir = out != null ? out : loaded.get(0).directory();
        BenchReport report = BenchReportBuilder.build(loaded, dir, title, Instant.now());
        List<Path> written;
        try {
            written = BenchReportWriter.write(report, dir);
        } catch (IOException e) {
            throw new CliException(CliException.RUNTIME_FAILURE, "cannot write the report to " + dir + ": "
                    + e.getMessage(), e);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("report of " + report.brokers().size() + " broker(s) from " + loaded.size()
                + " results file(s):");
        written.forEach(f -> stdout.println("  " + f));
        stdout.flush();
        return 0;
    }
}
