package io.mqttharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.reports.bench.BenchResults;
import io.mqttharness.reports.bench.BenchResults.BrokerRun;
import io.mqttharness.reports.bench.BenchResults.BrokerStatus;
import io.mqttharness.reports.bench.BenchResults.RatePoint;
import io.mqttharness.reports.bench.BenchResultsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mqtt-harness report} and {@code mqtt-harness compare} on small results files. */
class BenchReportCommandsTest {

    @TempDir
    Path tmp;

    private static RatePoint step(double offered, double achieved, long p99) {
        return new RatePoint("sensor-fleet", 1, 10, offered, achieved, 1000, 1000, 0, 0, p99 / 4, p99 / 2, p99,
                p99 * 2, p99 * 3, null, null);
    }

    private Path results(String name, double achievedAt2000, long p99At2000, String verdict) throws IOException {
        BrokerRun ran = new BrokerRun("reference", "0.1.0", BrokerStatus.RAN, null, "embedded",
                new BenchResults.Conformance(null, Map.of(), Map.of("5/MQTT-3.3.1-4", verdict), Map.of()),
                List.of(step(1000, 1000, 2000), step(2000, achievedAt2000, p99At2000)), null, List.of());
        BrokerRun skipped = new BrokerRun("moquette", null, BrokerStatus.SKIPPED, "moquette jar not found", null,
                null, null, null, null);
        BenchResults results = new BenchResults(1, "0.1.0", Instant.parse("2026-11-22T06:00:00Z"), true,
                new BenchResults.Disclosure("h", "cpu", 2, 1L << 30, "Linux", "17", Map.of()),
                List.of(ran, skipped));
        Path file = tmp.resolve(name);
        BenchResultsJson.write(results, file);
        return file;
    }

    @Test
    void report_writes_the_html_page_and_the_markdown_summary() throws IOException {
        Path file = results("bench-results.json", 2000, 3000, "PASSED");
        Path out = tmp.resolve("out");

        CliRun run = CliRun.run("report", file.toString(), "--out", out.toString(), "--title", "Nightly bench");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains(out.resolve("report.html").toString()).contains(out.resolve("report.md").toString());
        assertThat(Files.readString(out.resolve("report.html"))).contains("<title>Nightly bench</title>")
                .contains("moquette jar not found");
        assertThat(Files.readString(out.resolve("report.md"))).startsWith("# Nightly bench\n\n| Broker | Status |")
                .contains("| moquette | skipped | moquette jar not found |");
    }

    @Test
    void report_of_an_invalid_or_missing_file_exits_2_with_one_line() throws IOException {
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "not json");

        CliRun invalid = CliRun.run("report", broken.toString(), "--out", tmp.resolve("out").toString());
        assertThat(invalid.exitCode).isEqualTo(2);
        assertThat(invalid.err.strip()).startsWith("error: " + broken + " is not a valid bench-results.json")
                .doesNotContain("\n").doesNotContain("Exception");
        CliRun missing = CliRun.run("report", tmp.resolve("nope.json").toString());
        assertThat(missing.exitCode).isEqualTo(2);
        assertThat(missing.err.strip()).isEqualTo("error: cannot read " + tmp.resolve("nope.json") + ": no such file");
        assertThat(CliRun.run("report").exitCode).isEqualTo(2);
    }

    @Test
    void compare_exits_0_without_regression_and_1_with_the_regressions_listed() throws IOException {
        Path baseline = results("baseline.json", 2000, 3000, "PASSED");
        Path same = results("same.json", 1990, 3100, "PASSED");
        Path worse = results("worse.json", 1500, 3000, "FAILED");

        CliRun ok = CliRun.run("compare", "--baseline", baseline.toString(), same.toString());
        assertThat(ok.exitCode).as(ok.toString()).isZero();
        assertThat(ok.out).contains("OK: no regression");

        CliRun bad = CliRun.run("compare", "--baseline", baseline.toString(), worse.toString());
        assertThat(bad.exitCode).as(bad.toString()).isEqualTo(1);
        assertThat(bad.out).contains("throughput").contains("-25.0%").contains("5/MQTT-3.3.1-4")
                .contains("REGRESSION: 2 regression(s)");

        CliRun loose = CliRun.run("compare", "--baseline", baseline.toString(), worse.toString(),
                "--max-throughput-drop", "30%");
        assertThat(loose.exitCode).isEqualTo(1);
        assertThat(loose.out).doesNotContain("throughput  ").contains("REGRESSION: 1 regression(s)");
    }

    @Test
    void compare_with_bad_input_exits_2() throws IOException {
        Path baseline = results("baseline.json", 2000, 3000, "PASSED");
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\"schemaVersion\": 1, \"brokers\": [ {");

        CliRun invalid = CliRun.run("compare", "--baseline", baseline.toString(), broken.toString());
        assertThat(invalid.exitCode).isEqualTo(2);
        assertThat(invalid.err.strip()).startsWith("error: " + broken + " is not a valid bench-results.json")
                .doesNotContain("\n");
        CliRun threshold = CliRun.run("compare", "--baseline", baseline.toString(), baseline.toString(),
                "--max-p99-rise", "lots");
        assertThat(threshold.exitCode).isEqualTo(2);
        assertThat(threshold.err).contains("--max-p99-rise").contains("not a percentage");
        assertThat(CliRun.run("compare", baseline.toString()).exitCode).isEqualTo(2);
    }
}
