package io.mqttharness.reports.bench;

import static io.mqttharness.reports.bench.BenchFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.reports.bench.BenchResults.BrokerRun;
import io.mqttharness.reports.bench.BenchResults.BrokerStatus;
import io.mqttharness.reports.bench.BenchResults.RatePoint;
import io.mqttharness.reports.bench.PerformanceTarget.Latency;
import io.mqttharness.reports.bench.PerformanceTarget.Row;
import io.mqttharness.reports.bench.PerformanceTarget.Throughput;
import io.mqttharness.reports.bench.PerformanceTarget.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PerformanceTargetTest {
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private static final String FLEET = "sensor-fleet";

    /** mosquitto sensor-fleet QoS 1: sustains up to 8000/s offered (7900 achieved), 16000/s falls over. */
    private static List<RatePoint> mosquittoFleet() {
        return List.of(point(FLEET, 1, 2000, 1995, 3_000), point(FLEET, 1, 4000, 3990, 5_000),
                point(FLEET, 1, 8000, 7900, 20_000), point(FLEET, 1, 16000, 9000, 900_000));
    }

    @Test
    void met_when_reference_sustains_at_least_mosquittos_rate_with_lower_p99_at_half_of_it() {
        List<RatePoint> reference = List.of(point(FLEET, 1, 2000, 1998, 2_000), point(FLEET, 1, 4000, 3996, 4_000),
                point(FLEET, 1, 8000, 7990, 10_000), point(FLEET, 1, 16000, 12000, 500_000));
        PerformanceTarget target = PerformanceTarget.of(results(reference, mosquittoFleet())).orElseThrow();

        Row row = row(target, FLEET, 1);
        assertThat(row.throughput()).isEqualTo(new Throughput(7900.0, false, 7990.0, false, 7990.0 / 7900,
                Verdict.MET, null));
        assertThat(row.latency()).isEqualTo(new Latency(8000.0, 4000.0, true, 5_000L, 4_000L, 0.8, Verdict.MET, null));
        assertThat(row.latency().halfRate()).isEqualTo(4000.0);
        // the target workloads are always listed, so that a workload the run left out shows as not measured
        assertThat(target.rows()).extracting(r -> r.workload() + "/" + r.qos())
                .containsExactly("sensor-fleet/0", "sensor-fleet/1", "fan-in/0", "fan-in/1");
        assertThat(row(target, "fan-in", 0).throughput().verdict()).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(row(target, "fan-in", 0).throughput().reason()).isEqualTo("neither broker ran it");
        assertThat(target.count(Verdict.MET)).isEqualTo(2);
        assertThat(target.count(Verdict.NOT_MEASURED)).isEqualTo(6);

        String md = BenchMarkdownWriter.render(report(results(reference, mosquittoFleet())));
        assertThat(md).contains("\n## Performance target: reference vs mosquitto (same run)\n")
                .contains("**2 of 8 checks met, 0 missed, 6 not measured**")
                .contains("| sensor-fleet | 1 | 7,900 | 7,990 | 1.01× | MET | 4,000 msg/s (50 % of 8,000) | 5.00 ms "
                        + "| 4.00 ms | 0.80× | MET |\n")
                .contains("| fan-in | 1 | none | none | — | not measured: neither broker ran it | — | — | — | — "
                        + "| not measured: neither broker ran it |\n");
        // right after the headline, before the sections that follow it
        assertThat(md.indexOf("## Performance target")).isLessThan(md.indexOf("## Highest sustained rate"));
    }

    @Test
    void equal_rate_and_equal_p99_meet_the_target() {
        Row row = row(PerformanceTarget.of(results(mosquittoFleet(), mosquittoFleet())).orElseThrow(), FLEET, 1);

        assertThat(row.throughput()).isEqualTo(new Throughput(7900.0, false, 7900.0, false, 1.0, Verdict.MET, null));
        assertThat(row.latency()).isEqualTo(new Latency(8000.0, 4000.0, true, 5_000L, 5_000L, 1.0, Verdict.MET, null));
    }

    @Test
    void the_same_sustained_step_meets_throughput_even_with_a_slightly_lower_achieved_rate() {
        List<RatePoint> reference = List.of(point(FLEET, 1, 2000, 1995, 3_000), point(FLEET, 1, 4000, 3990, 5_000),
                point(FLEET, 1, 8000, 7890, 20_000), point(FLEET, 1, 16000, 9000, 900_000));
        Row row = row(PerformanceTarget.of(results(reference, mosquittoFleet())).orElseThrow(), FLEET, 1);

        assertThat(row.throughput().referenceMax()).isEqualTo(7890.0);
        assertThat(row.throughput().verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void missed_on_throughput_when_reference_falls_over_below_mosquittos_max() {
        List<RatePoint> reference = List.of(point(FLEET, 1, 2000, 1998, 2_000), point(FLEET, 1, 4000, 3996, 4_000),
                point(FLEET, 1, 8000, 7990, 150_000), point(FLEET, 1, 16000, 9000, 900_000));
        Row row = row(PerformanceTarget.of(results(reference, mosquittoFleet())).orElseThrow(), FLEET, 1);

        assertThat(row.throughput()).isEqualTo(new Throughput(7900.0, false, 3996.0, false, 3996.0 / 7900,
                Verdict.MISSED, null));
        assertThat(row.latency().verdict()).isEqualTo(Verdict.MET);
        assertThat(BenchMarkdownWriter.render(report(results(reference, mosquittoFleet()))))
                .contains("| sensor-fleet | 1 | 7,900 | 3,996 | 0.51× | MISSED | 4,000 msg/s (50 % of 8,000) | 5.00 ms "
                        + "| 4.00 ms | 0.80× | MET |\n");
    }

    @Test
    void missed_on_latency_when_reference_p99_at_half_rate_is_higher() {
        List<RatePoint> reference = List.of(point(FLEET, 1, 2000, 1998, 2_000), point(FLEET, 1, 4000, 3996, 6_000),
                point(FLEET, 1, 8000, 7990, 10_000), point(FLEET, 1, 16000, 12000, 500_000));
        Row row = row(PerformanceTarget.of(results(reference, mosquittoFleet())).orElseThrow(), FLEET, 1);

        assertThat(row.throughput().verdict()).isEqualTo(Verdict.MET);
        assertThat(row.latency()).isEqualTo(new Latency(8000.0, 4000.0, true, 5_000L, 6_000L, 1.2, Verdict.MISSED,
                null));
        assertThat(BenchMarkdownWriter.render(report(results(reference, mosquittoFleet()))))
                .contains("| 5.00 ms | 6.00 ms | 1.20× | MISSED |\n");
    }

    @Test
    void without_a_step_at_half_the_highest_common_step_below_is_used_and_named() {
        // mosquitto sustains 12000/s: 50 % is 6000, which neither sweep has; 5000 is the highest common step below
        List<RatePoint> mosquitto = new ArrayList<>(List.of(point(FLEET, 1, 2500, 2500, 3_000),
                point(FLEET, 1, 5000, 5000, 7_000), point(FLEET, 1, 10000, 9990, 30_000),
                point(FLEET, 1, 12000, 11950, 60_000), point(FLEET, 1, 15000, 11000, 400_000)));
        List<RatePoint> reference = new ArrayList<>(List.of(point(FLEET, 1, 2500, 2500, 2_000),
                point(FLEET, 1, 5000, 5000, 9_000), point(FLEET, 1, 10000, 9995, 20_000),
                point(FLEET, 1, 12000, 11990, 50_000), point(FLEET, 1, 15000, 14800, 90_000)));
        // QoS 0: mosquitto has the 50 % step (3000) but the reference did not run it, so 1500 is used
        mosquitto.addAll(List.of(point(FLEET, 0, 1500, 1500, 1_000), point(FLEET, 0, 3000, 3000, 2_000),
                point(FLEET, 0, 6000, 6000, 4_000)));
        reference.addAll(List.of(point(FLEET, 0, 1500, 1500, 800), point(FLEET, 0, 6000, 6000, 3_000)));
        PerformanceTarget target = PerformanceTarget.of(results(reference, mosquitto)).orElseThrow();

        Latency qos1 = row(target, FLEET, 1).latency();
        assertThat(qos1).isEqualTo(new Latency(12000.0, 5000.0, false, 7_000L, 9_000L, 9_000.0 / 7_000,
                Verdict.MISSED, null));
        assertThat(PerformanceTargetText.comparedAt(qos1))
                .isEqualTo("at 5,000 msg/s, the highest common step ≤ 50 % of 12,000");
        Latency qos0 = row(target, FLEET, 0).latency();
        assertThat(qos0).isEqualTo(new Latency(6000.0, 1500.0, false, 1_000L, 800L, 0.8, Verdict.MET, null));
        assertThat(BenchMarkdownWriter.render(report(results(reference, mosquitto))))
                .contains("| sensor-fleet | 1 | 11,950 | ≥ 14,800 | 1.24× | MET "
                        + "| at 5,000 msg/s, the highest common step ≤ 50 % of 12,000 | 7.00 ms | 9.00 ms | 1.29× "
                        + "| MISSED |\n");
    }

    @Test
    void no_common_step_at_or_below_half_leaves_latency_not_measured() {
        List<RatePoint> mosquitto = List.of(point(FLEET, 1, 8000, 7990, 20_000), point(FLEET, 1, 16000, 9000, 900_000));
        List<RatePoint> reference = List.of(point(FLEET, 1, 8000, 7995, 10_000),
                point(FLEET, 1, 16000, 15000, 900_000));
        Row row = row(PerformanceTarget.of(results(reference, mosquitto)).orElseThrow(), FLEET, 1);

        assertThat(row.throughput().verdict()).isEqualTo(Verdict.MET);
        assertThat(row.latency()).isEqualTo(new Latency(8000.0, null, false, null, null, null, Verdict.NOT_MEASURED,
                "no step at or below 50 %"));
        assertThat(BenchMarkdownWriter.render(report(results(reference, mosquitto))))
                .contains("| — | — | — | — | not measured: no step at or below 50 % |\n");
    }

    @Test
    void mosquitto_sustaining_no_step_leaves_both_checks_not_measured() {
        List<RatePoint> mosquitto = List.of(point(FLEET, 1, 2000, 1500, 3_000), point(FLEET, 1, 4000, 3990, 200_000));
        List<RatePoint> reference = List.of(point(FLEET, 1, 2000, 2000, 2_000), point(FLEET, 1, 4000, 3990, 4_000));
        Row row = row(PerformanceTarget.of(results(reference, mosquitto)).orElseThrow(), FLEET, 1);

        assertThat(row.throughput()).isEqualTo(new Throughput(null, false, 3990.0, true, null, Verdict.NOT_MEASURED,
                "mosquitto sustained no step"));
        assertThat(row.latency().verdict()).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(row.latency().reason()).isEqualTo("mosquitto sustained no step");
        assertThat(BenchMarkdownWriter.render(report(results(reference, mosquitto))))
                .contains("| sensor-fleet | 1 | none | ≥ 3,990 | — | not measured: mosquitto sustained no step | — |");
    }

    @Test
    void reference_sustaining_the_top_step_is_a_lower_bound() {
        List<RatePoint> reference = List.of(point(FLEET, 1, 2000, 1998, 2_000), point(FLEET, 1, 4000, 3996, 4_000),
                point(FLEET, 1, 8000, 7990, 10_000), point(FLEET, 1, 16000, 15990, 40_000));
        Row row = row(PerformanceTarget.of(results(reference, mosquittoFleet())).orElseThrow(), FLEET, 1);

        assertThat(row.throughput()).isEqualTo(new Throughput(7900.0, false, 15990.0, true, 15990.0 / 7900,
                Verdict.MET, null));
        assertThat(PerformanceTargetText.rate(15990.0, true)).isEqualTo("≥ 15,990");
        assertThat(BenchMarkdownWriter.render(report(results(reference, mosquittoFleet()))))
                .contains("| sensor-fleet | 1 | 7,900 | ≥ 15,990 | 2.02× | MET |");
    }

    @Test
    void reference_that_sustained_nothing_misses_throughput() {
        List<RatePoint> reference = List.of(point(FLEET, 1, 2000, 1998, 200_000), point(FLEET, 1, 4000, 3996, 400_000),
                point(FLEET, 1, 8000, 7990, 900_000));
        Row row = row(PerformanceTarget.of(results(reference, mosquittoFleet())).orElseThrow(), FLEET, 1);

        assertThat(row.throughput()).isEqualTo(new Throughput(7900.0, false, null, false, null, Verdict.MISSED,
                "reference sustained no step"));
        assertThat(row.latency().verdict()).isEqualTo(Verdict.MISSED);
    }

    @Test
    void a_workload_only_one_broker_ran_is_not_measured_with_the_reason() {
        List<RatePoint> reference = List.of(point(FLEET, 1, 2000, 2000, 2_000), point("fan-in", 0, 500, 500, 1_000));
        List<RatePoint> mosquitto = List.of(point(FLEET, 1, 2000, 2000, 3_000), point("retained", 1, 100, 100, 1_000));
        PerformanceTarget target = PerformanceTarget.of(results(reference, mosquitto)).orElseThrow();

        assertThat(row(target, "fan-in", 0).throughput().reason()).isEqualTo("mosquitto did not run it");
        assertThat(row(target, "retained", 1).latency().reason()).isEqualTo("reference did not run it");
        // another workload is listed only at the QoS levels it was run at
        assertThat(target.rows()).extracting(r -> r.workload() + "/" + r.qos()).containsExactly("sensor-fleet/0",
                "sensor-fleet/1", "fan-in/0", "fan-in/1", "retained/1");
    }

    @Test
    void no_section_without_a_reference_or_mosquitto_sweep() {
        BrokerRun mosquitto = run(PerformanceTarget.MOSQUITTO, mosquittoFleet());
        BenchResults noReference = new BenchResults(1, "t", NOW, false, BenchFixtures.disclosure(),
                List.of(mosquitto, run("hivemq-ce", mosquittoFleet())));
        BenchResults referenceSkipped = new BenchResults(1, "t", NOW, false, BenchFixtures.disclosure(), List.of(
                new BrokerRun("reference", null, BrokerStatus.SKIPPED, "no jar", null, null, null, null, null),
                mosquitto));
        BenchResults referenceWithoutSweep = new BenchResults(1, "t", NOW, false, BenchFixtures.disclosure(),
                List.of(run("reference", List.of()), mosquitto));

        assertThat(PerformanceTarget.of(noReference)).isEmpty();
        assertThat(PerformanceTarget.of(referenceSkipped)).isEmpty();
        assertThat(PerformanceTarget.of(referenceWithoutSweep)).isEmpty();
        BenchReport report = report(noReference);
        assertThat(report.targets()).isEmpty();
        assertThat(BenchMarkdownWriter.render(report)).doesNotContain("Performance target");
        assertThat(BenchHtmlPage.render(report)).doesNotContain("Performance target").doesNotContain("id=\"target\"");
    }

    @Test
    void html_section_is_escaped_balanced_and_linked_from_the_table_of_contents() {
        BenchReport report = report(results(mosquittoFleet(), mosquittoFleet()));
        String page = BenchHtmlPage.render(report);
        assertThat(page).contains("<a href=\"#target\">Performance target</a>")
                .contains("<h2 id=\"target\">Performance target: reference vs mosquitto (same run)</h2>")
                .contains("<td><span class=\"v v-MET\">met</span></td>")
                .contains("<span class=\"v v-NOT_MEASURED\">not measured</span><br><span class=\"small\">"
                        + "neither broker ran it</span>");

        String fragment = PerformanceTargetText.html(report.targets());
        assertBalanced(fragment);
        // every body row has the 11 cells of the header (2 + 4 + 5)
        Matcher rows = Pattern.compile("<tr data-workload=[^>]*>(.*?)</tr>").matcher(fragment);
        int n = 0;
        while (rows.find()) {
            assertThat(rows.group(1).split("<td", -1)).hasSize(12);
            n++;
        }
        assertThat(n).isEqualTo(4);
    }

    @Test
    void steps_run_in_rounds_are_compared_by_their_median_round_and_every_round_is_shown() {
        // the 4000/s step of each broker ran 3 times; the recorded point is the median round (BenchResults.RatePoint)
        List<RatePoint> mosquitto = new ArrayList<>(mosquittoFleet());
        mosquitto.set(1, mosquitto.get(1).withRounds(List.of(new BenchResults.Round(1, 3990, 0, 9_000, "m1"),
                new BenchResults.Round(2, 3990, 0, 5_000, "m2"), new BenchResults.Round(3, 3990, 0, 4_000, "m3"))));
        List<RatePoint> reference = new ArrayList<>(mosquittoFleet());
        reference.set(1, point(FLEET, 1, 4000, 3996, 4_500).withRounds(List.of(
                new BenchResults.Round(1, 3996, 0, 4_500, "r1"), new BenchResults.Round(2, 3996, 0, 30_000, "r2"),
                new BenchResults.Round(3, 3996, 0, 1_000, "r3"))));

        Latency latency = row(PerformanceTarget.of(results(reference, mosquitto)).orElseThrow(), FLEET, 1).latency();

        assertThat(latency.verdict()).as("4.5 ms median against 5 ms: the one slow reference round does not decide")
                .isEqualTo(Verdict.MET);
        assertThat(latency.mosquittoRoundsP99()).containsExactly(9_000L, 5_000L, 4_000L);
        assertThat(latency.referenceRoundsP99()).containsExactly(4_500L, 30_000L, 1_000L);
        assertThat(BenchMarkdownWriter.render(report(results(reference, mosquitto))))
                .contains("| 5.00 ms (9.00 / 5.00 / 4.00) | 4.50 ms (4.50 / 30.00 / 1.00) | 0.90× | MET |");
    }

    @Test
    void merged_files_get_one_table_per_run_named_by_file() {
        BenchResults run = results(mosquittoFleet(), mosquittoFleet());
        BenchReport report = BenchReportBuilder.build(List.of(new LoadedBenchResults(Path.of("a/bench-results.json"),
                run), new LoadedBenchResults(Path.of("b/bench-results.json"), run)), Path.of("out"), "t", NOW);

        assertThat(report.targets()).containsOnlyKeys(Path.of("a/bench-results.json"), Path.of("b/bench-results.json"));
        assertThat(BenchMarkdownWriter.render(report)).contains("\n`a/bench-results.json`:\n")
                .contains("\n`b/bench-results.json`:\n");
    }

    private static void assertBalanced(String html) {
        Set<String> voids = Set.of("br");
        Deque<String> open = new ArrayDeque<>();
        Matcher tags = Pattern.compile("<(/?)([a-z0-9]+)[^>]*>").matcher(html);
        while (tags.find()) {
            String name = tags.group(2);
            if (voids.contains(name)) {
                continue;
            }
            if (tags.group(1).isEmpty()) {
                open.push(name);
            } else {
                assertThat(open.pollFirst()).as("closing </%s> at %d", name, tags.start()).isEqualTo(name);
            }
        }
        assertThat(open).as("unclosed elements").isEmpty();
    }

    private static Row row(PerformanceTarget target, String workload, int qos) {
        return target.rows().stream().filter(r -> r.workload().equals(workload) && r.qos() == qos).findFirst()
                .orElseThrow();
    }

    private static RatePoint point(String workload, int qos, double offered, double achieved, long p99Micros) {
        return step(workload, qos, offered, achieved, 0, p99Micros, Math.min(p99Micros / 2, 500));
    }

    private static BrokerRun run(String name, List<RatePoint> sweep) {
        return new BrokerRun(name, null, BrokerStatus.RAN, null, null, null, sweep, null, List.of());
    }

    private static BenchResults results(List<RatePoint> reference, List<RatePoint> mosquitto) {
        return new BenchResults(1, "t", NOW, false, BenchFixtures.disclosure(),
                List.of(run(PerformanceTarget.REFERENCE, reference), run(PerformanceTarget.MOSQUITTO, mosquitto)));
    }

    private static BenchReport report(BenchResults results) {
        return BenchReportBuilder.build(List.of(new LoadedBenchResults(Path.of("bench/bench-results.json"), results)),
                Path.of("out"), "t", NOW);
    }
}
