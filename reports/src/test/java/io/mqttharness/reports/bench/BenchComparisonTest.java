package io.mqttharness.reports.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.mqttharness.reports.bench.Regression.Kind;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchComparisonTest {

    @TempDir
    Path tmp;

    private static BenchResults fixture(String name) throws Exception {
        return BenchResultsJson.read(fixturePath(name)).results();
    }

    static Path fixturePath(String name) throws URISyntaxException {
        return Path.of(BenchComparisonTest.class.getResource(name).toURI());
    }

    @Test
    void throughput_drop_p99_rise_new_failures_and_a_failed_broker_are_regressions() throws Exception {
        BenchComparison.Result result = BenchComparison.compare(fixture("baseline.json"),
                fixture("current-regressed.json"), RegressionThresholds.DEFAULT);

        assertThat(result.passed()).isFalse();
        assertThat(result.regressions()).extracting(Regression::broker, Regression::kind, Regression::item)
                .containsExactlyInAnyOrder(
                        tuple("reference", Kind.THROUGHPUT, "sensor-fleet QoS 1 @ 2,000/s"),
                        tuple("reference", Kind.P99, "sensor-fleet QoS 1 @ 2,000/s"),
                        tuple("reference", Kind.CONFORMANCE, "5/MQTT-3.3.1-4"),
                        tuple("reference", Kind.CONFORMANCE, "5/MQTT-4.8.2-1"),
                        tuple("mosquitto", Kind.BROKER, "bench run"));
        assertThat(result.regressions()).filteredOn(r -> r.kind() == Kind.THROUGHPUT).singleElement()
                .satisfies(r -> assertThat(r.change()).isEqualTo("-12.0%"));
        assertThat(result.regressions()).filteredOn(r -> r.kind() == Kind.P99).singleElement()
                .satisfies(r -> assertThat(r.change()).isEqualTo("+25.0%"));
        assertThat(result.regressions()).filteredOn(r -> r.item().equals("5/MQTT-4.8.2-1")).singleElement()
                .satisfies(r -> assertThat(r.baseline()).isEqualTo("not in baseline"));
        assertThat(result.stepsCompared()).isEqualTo(2);
    }

    @Test
    void looser_thresholds_let_the_performance_changes_pass_but_not_the_new_failures() throws Exception {
        BenchComparison.Result result = BenchComparison.compare(fixture("baseline.json"),
                fixture("current-regressed.json"), new RegressionThresholds(0.15, 0.30));

        assertThat(result.regressions()).extracting(Regression::kind)
                .containsExactlyInAnyOrder(Kind.CONFORMANCE, Kind.CONFORMANCE, Kind.BROKER);
    }

    @Test
    void changes_exactly_at_the_limits_and_a_statement_that_failed_before_are_no_regression() throws Exception {
        BenchComparison.Result result = BenchComparison.compare(fixture("baseline.json"),
                fixture("current-ok.json"), RegressionThresholds.DEFAULT);

        assertThat(result.regressions()).isEmpty();
        assertThat(result.passed()).isTrue();
        assertThat(result.stepsCompared()).isEqualTo(3);
        assertThat(result.statementsCompared()).isEqualTo(4);
        // a hair tighter and both steps of "reference" at 2000/s regress
        assertThat(BenchComparison.compare(fixture("baseline.json"), fixture("current-ok.json"),
                new RegressionThresholds(0.099, 0.199)).regressions()).extracting(Regression::kind)
                .containsExactlyInAnyOrder(Kind.THROUGHPUT, Kind.P99);
    }

    @Test
    void brokers_and_steps_missing_on_one_side_are_notes_not_regressions() throws Exception {
        BenchResults baseline = fixture("baseline.json");
        BenchResults onlyReference = new BenchResults(1, "t", null, false, null,
                java.util.List.of(new BenchResults.BrokerRun("reference", null, BenchResults.BrokerStatus.RAN, null,
                        null, null, java.util.List.of(baseline.brokers().get(0).rateSweep().get(0)), null, null),
                        new BenchResults.BrokerRun("newmq", null, BenchResults.BrokerStatus.RAN, null, null, null,
                                null, null, null)));
        BenchComparison.Result result = BenchComparison.compare(baseline, onlyReference, RegressionThresholds.DEFAULT);

        assertThat(result.passed()).isTrue();
        assertThat(result.notes()).containsExactly(
                "reference: step sensor-fleet QoS 1 @ 2,000/s is not in the current results",
                "newmq: not in the baseline, not compared",
                "mosquitto: in the baseline but not in the current results");
    }

    @Test
    void the_table_lists_every_regression_and_ends_with_the_verdict() throws Exception {
        BenchComparison.Result result = BenchComparison.compare(fixture("baseline.json"),
                fixture("current-regressed.json"), RegressionThresholds.DEFAULT);
        String table = RegressionTable.render(result, RegressionThresholds.DEFAULT);

        assertThat(table.lines().findFirst().orElseThrow())
                .matches("broker +kind +step / statement +baseline +current +change");
        assertThat(table.lines()).anyMatch(l -> l.matches(
                "reference +throughput +sensor-fleet QoS 1 @ 2,000/s +2,000 msg/s +1,760 msg/s +-12\\.0%"));
        assertThat(table.lines()).anyMatch(l -> l.matches("reference +conformance +5/MQTT-3.3.1-4 +PASSED +FAILED +.*"));
        assertThat(table).contains("broker exited with code 1")
                .endsWith("REGRESSION: 5 regression(s) (2 rate steps, 4 statements compared; limits: throughput drop "
                        + "10%, p99 rise 20%)\n");
    }

    @Test
    void percentages_parse_with_or_without_the_sign() {
        assertThat(RegressionThresholds.parsePercent("10%")).isEqualTo(0.10);
        assertThat(RegressionThresholds.parsePercent("2.5")).isEqualTo(0.025);
        assertThatThrownBy(() -> RegressionThresholds.parsePercent("ten")).hasMessageContaining("not a percentage");
        assertThatThrownBy(() -> RegressionThresholds.parsePercent("-5%")).hasMessageContaining("0 or more");
    }

    @Test
    void unreadable_or_invalid_files_give_a_one_line_message_naming_the_file() throws IOException {
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\"schemaVersion\": 1, \"brokers\": [");
        Path wrongVersion = tmp.resolve("v9.json");
        Files.writeString(wrongVersion, "{\"schemaVersion\": 9, \"brokers\": []}");
        Path noName = tmp.resolve("noname.json");
        Files.writeString(noName, "{\"schemaVersion\": 1, \"brokers\": [{\"status\": \"RAN\"}]}");

        assertThatThrownBy(() -> BenchResultsJson.read(broken)).isInstanceOf(BenchInputException.class)
                .hasMessageStartingWith(broken + " is not a valid bench-results.json: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> BenchResultsJson.read(wrongVersion)).hasMessageContaining("schemaVersion 9");
        assertThatThrownBy(() -> BenchResultsJson.read(noName)).hasMessageContaining("\"name\"");
        assertThatThrownBy(() -> BenchResultsJson.read(tmp.resolve("missing.json")))
                .hasMessage("cannot read " + tmp.resolve("missing.json") + ": no such file");
    }
}
