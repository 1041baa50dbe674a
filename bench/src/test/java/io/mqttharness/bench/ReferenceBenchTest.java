package io.mqttharness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.load.run.LoadScenario;
import io.mqttharness.reports.bench.BenchResults;
import io.mqttharness.reports.bench.BenchResults.BrokerRun;
import io.mqttharness.reports.bench.BenchResults.BrokerStatus;
import io.mqttharness.reports.bench.BenchResults.RatePoint;
import io.mqttharness.reports.bench.BenchResults.ResourceSample;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny real bench: the reference broker in its own JVM, certified with a few scenarios, one short rate step and a
 * small connection ramp through the real load runner, sampled from /proc.
 */
class ReferenceBenchTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(90)
    void tiny_bench_of_the_reference_broker_measures_everything_and_writes_the_results() throws Exception {
        Path out = tmp.resolve("bench");
        BenchOptions options = BenchOptions.defaults(true, out).withBrokers(List.of("reference"))
                .withLoad("3.1.1", 5, List.of(200), List.of(1), 20)
                .withWorkloads(List.of(LoadScenario.SENSOR_FLEET))
                .withStepDuration(Duration.ofSeconds(2), Duration.ofSeconds(1))
                .withCertification(true, List.of("connect-clean-success", "ping"));
        StringWriter console = new StringWriter();

        BenchResults results = new BenchRunner(options, new PrintWriter(console, true), "test").run();

        BrokerRun run = results.brokers().get(0);
        assertThat(run.status()).as(console.toString()).isEqualTo(BrokerStatus.RAN);
        assertThat(BenchRunner.exitCode(results)).isZero();
        assertThat(run.version()).isNotBlank();
        assertThat(run.launch()).contains("ReferenceBrokerMain");
        assertThat(run.conformance().counts()).containsKeys("3.1.1", "5");
        assertThat(run.conformance().counts().get("5")).containsEntry("PASSED", 2);
        assertThat(run.conformance().statements()).containsEntry("3.1.1:MQTT-3.12.4-1", "PASSED");
        for (String f : List.of("report.html", "report.md", "junit.xml", "summary.json")) {
            assertThat(out.resolve("reference/conformance").resolve(f)).isRegularFile();
        }
        RatePoint point = run.rateSweep().get(0);
        assertThat(point.workload()).isEqualTo("sensor-fleet");
        assertThat(point.qos()).isEqualTo(1);
        assertThat(point.published()).isPositive();
        assertThat(point.received()).isPositive();
        assertThat(point.p50Micros()).isPositive().isLessThanOrEqualTo(point.p99Micros());
        assertThat(out.resolve(point.summaryFile())).isRegularFile();
        assertThat(run.connectionRamp().reached()).isEqualTo(20);
        assertThat(run.resources()).extracting(ResourceSample::phase)
                .contains("certify", "sensor-fleet qos1 200/s", "connection-ramp");
        assertThat(run.resources()).allSatisfy(s -> assertThat(s.threads()).isPositive());
        assertThat(BenchResultsWriter.read(out.resolve("bench-results.json"))).isEqualTo(results);
        assertThat(Files.readString(out.resolve("bench-results.json"))).contains("\"started\" : \"20");
        assertThat(console.toString()).contains("[reference] started mqtt-harness reference broker")
                .contains("[reference] RAN");
    }
}
