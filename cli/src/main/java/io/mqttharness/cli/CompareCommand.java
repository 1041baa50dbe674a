package io.mqttharness.cli;

import io.mqttharness.reports.bench.BenchComparison;
import io.mqttharness.reports.bench.BenchInputException;
import io.mqttharness.reports.bench.BenchResultsJson;
import io.mqttharness.reports.bench.LoadedBenchResults;
import io.mqttharness.reports.bench.RegressionTable;
import io.mqttharness.reports.bench.RegressionThresholds;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mqtt-harness compare}: the regression gate. Compares a bench with a baseline bench per broker, workload,
 * QoS and rate step, and per statement, prints the regressions and exits 1 when there is any.
 */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        versionProvider = CliVersionProvider.class,
        description = {
            "Regression gate: compares CURRENT bench results with a baseline, per broker, workload, QoS and",
            "rate step (achieved rate, p99 latency) and per conformance statement, and prints every regression."
        },
        footer = {"",
            "A step regressed when its achieved rate dropped, or its p99 rose, by more than the limit; a statement",
            "regressed when it is FAILED now and was not in the baseline.",
            "",
            "Exit status:",
            "  0  no regression",
            "  1  at least one regression",
            "  2  bad options, or a results file that cannot be read or is not bench results"})
final class CompareCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--baseline", paramLabel = "OLD.json", required = true,
            description = "The bench-results.json to compare with.")
    private Path baseline;

    @Parameters(index = "0", paramLabel = "CURRENT.json", description = "The bench-results.json to check.")
    private Path current;

    @Option(names = "--max-throughput-drop", paramLabel = "PERCENT", defaultValue = "10%",
            description = "Largest allowed drop of a step's achieved rate (default: ${DEFAULT-VALUE}).")
    private String maxThroughputDrop;

    @Option(names = "--max-p99-rise", paramLabel = "PERCENT", defaultValue = "20%",
            description = "Largest allowed rise of a step's p99 latency (default: ${DEFAULT-VALUE}).")
    private String maxP99Rise;

    @Override
    public Integer call() {
        RegressionThresholds thresholds = new RegressionThresholds(
                percent("--max-throughput-drop", maxThroughputDrop), percent("--max-p99-rise", maxP99Rise));
        LoadedBenchResults before = read(baseline);
        LoadedBenchResults now = read(current);
        BenchComparison.Result result = BenchComparison.compare(before.results(), now.results(), thresholds);
        spec.commandLine().getOut().print(RegressionTable.render(result, thresholds));
        spec.commandLine().getOut().flush();
        return result.passed() ? 0 : 1;
    }

    private double percent(String option, String value) {
        try {
            return RegressionThresholds.parsePercent(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': "
                    + e.getMessage());
        }
    }

    private static LoadedBenchResults read(Path file) {
        try {
            return BenchResultsJson.read(file);
        } catch (BenchInputException e) {
            throw new CliException(CliException.BAD_INPUT, e.getMessage(), e);
        }
    }
}
