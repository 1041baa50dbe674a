package io.mqttharness.reports.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.reports.bench.BenchResults.BrokerRun;
import io.mqttharness.reports.bench.BenchResults.BrokerStatus;
import io.mqttharness.reports.bench.BenchResults.RatePoint;
import io.mqttharness.reports.bench.BenchResults.Round;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostStealTest {
    @Test
    void summary_gives_the_median_and_the_worst_step_over_every_round_of_every_broker() {
        RatePoint once = step(1000, 0.2);
        RatePoint thrice = step(2000, null).withRounds(List.of(new Round(1, 2000, 0, 900, "a", 0.1),
                new Round(2, 2000, 0, 800, "b", 4.25), new Round(3, 2000, 0, 700, "c", 0.3)));
        BenchResults results = results(run("reference", List.of(once)), run("mosquitto", List.of(thrice)));

        assertThat(HostSteal.summary(results))
                .isEqualTo("median 0.2 %, highest 4.3 % (mosquitto, sensor-fleet qos1 2000/s round 2), over 4 load steps");
    }

    @Test
    void summary_is_null_when_no_step_measured_steal() {
        assertThat(HostSteal.summary(results(run("reference", List.of(step(1000, null)))))).isNull();
    }

    @Test
    void the_disclosure_of_both_formats_shows_it() {
        BenchResults results = results(run("reference", List.of(step(1000, 1.5))));
        java.nio.file.Path file = java.nio.file.Path.of("bench-results.json");
        BenchReport report = BenchReportBuilder.build(List.of(new LoadedBenchResults(file, results)),
                java.nio.file.Path.of("."), null, Instant.EPOCH);

        assertThat(BenchHtmlFragments.disclosure(report)).contains("host CPU steal during the load",
                "median 1.5 %");
        assertThat(BenchMarkdownWriter.render(report)).contains("- host CPU steal during the load: median 1.5 %");
    }

    private static RatePoint step(double rate, Double steal) {
        return new RatePoint("sensor-fleet", 1, 100, rate, rate, 100, 100, 0, 0, 1, 1, 900, 1, 1, null, "s.json")
                .withHostSteal(steal);
    }

    private static BrokerRun run(String name, List<RatePoint> sweep) {
        return new BrokerRun(name, "1", BrokerStatus.RAN, null, null, null, sweep, null, List.of(), List.of());
    }

    private static BenchResults results(BrokerRun... runs) {
        return new BenchResults(1, "test", Instant.EPOCH, false, null, List.of(runs));
    }
}
