package io.mqttharness.reports.bench;

import io.mqttharness.reports.bench.BenchResults.BrokerRun;
import io.mqttharness.reports.bench.BenchResults.BrokerStatus;
import io.mqttharness.reports.bench.BenchResults.Conformance;
import io.mqttharness.reports.bench.BenchResults.ConnectionRamp;
import io.mqttharness.reports.bench.BenchResults.Disclosure;
import io.mqttharness.reports.bench.BenchResults.RatePoint;
import io.mqttharness.reports.bench.BenchResults.ResourceSample;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Bench results built in code: a reference broker that sustains everything, a "slowmq" broker that falls over at
 * QoS 1 4000/s and fails one statement, and a skipped broker.
 */
final class BenchFixtures {
    static final String SKIP_REASON = "hivemq-ce is not installed (set HIVEMQ_HOME)";

    private BenchFixtures() {
    }

    static BenchResults results() {
        return new BenchResults(1, "0.1.0-TEST", Instant.parse("2026-11-22T06:00:00Z"), true, disclosure(),
                List.of(reference(), slowmq(), skipped()));
    }

    static Disclosure disclosure() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("rates", "1000,2000,4000");
        params.put("qos", "0,1");
        params.put("sensors", "100");
        return new Disclosure("bench-host", "Test CPU @ 3.0GHz", 2, 24L << 30, "Linux 6.1 amd64",
                "Eclipse Adoptium 17.0.12", params);
    }

    static BrokerRun reference() {
        List<RatePoint> sweep = new ArrayList<>();
        for (int qos : new int[] {0, 1}) {
            for (double rate : new double[] {1000, 2000, 4000}) {
                sweep.add(step("sensor-fleet", qos, rate, rate * 0.999, 0, 2_000 + (long) rate, 300 + 100 * qos));
            }
        }
        return new BrokerRun("reference", "0.1.0", BrokerStatus.RAN, null, "java -cp ... MqttBroker --port 0",
                conformance("certify/reference", Map.of("3.1.1/MQTT-3.1.4-1", "PASSED", "5/MQTT-3.1.4-1", "PASSED",
                        "5/MQTT-3.3.1-4", "PASSED", "5/MQTT-4.8.2-1", "NOT_APPLICABLE")),
                sweep, new ConnectionRamp(1000, 1000, 200, 800, 2500, 0), resources(1.0));
    }

    static BrokerRun slowmq() {
        List<RatePoint> sweep = List.of(
                step("sensor-fleet", 0, 1000, 999, 0, 3_000, 400),
                step("sensor-fleet", 0, 2000, 1990, 0, 8_000, 800),
                step("sensor-fleet", 0, 4000, 3950, 0, 60_000, 1500),
                step("sensor-fleet", 1, 1000, 999, 0, 5_000, 600),
                step("sensor-fleet", 1, 2000, 1995, 0, 40_000, 1200),
                // overloaded: far behind the offered rate, p99 of seconds
                step("sensor-fleet", 1, 4000, 2500, 12, 2_500_000, 5000));
        return new BrokerRun("slowmq", "2.0.11", BrokerStatus.RAN, null, "/usr/sbin/mosquitto -c slowmq.conf",
                conformance("certify/slowmq", Map.of("3.1.1/MQTT-3.1.4-1", "PASSED", "5/MQTT-3.1.4-1", "PASSED",
                        "5/MQTT-3.3.1-4", "FAILED", "5/MQTT-4.8.2-1", "PASSED")),
                sweep, new ConnectionRamp(1000, 640, 200, 1500, 9000, 360), resources(3.0));
    }

    static BrokerRun skipped() {
        return new BrokerRun("hivemq-ce", null, BrokerStatus.SKIPPED, SKIP_REASON, null, null, null, null, null);
    }

    static Conformance conformance(String reportDirectory, Map<String, String> statements) {
        return new Conformance(reportDirectory, Map.of("5", Map.of("PASSED", 3)),
                new LinkedHashMap<>(statements), Map.of());
    }

    /** A step whose histogram holds 10,000 values spread evenly between 100 µs and 2 x p99. */
    static RatePoint step(String workload, int qos, double offered, double achieved, long lost, long p99Micros,
            long p50Micros) {
        Histogram h = new Histogram(3_600_000_000L, 3);
        for (int i = 0; i < 10_000; i++) {
            h.recordValue(p50Micros + (long) ((2.0 * p99Micros - p50Micros) * i / 10_000.0));
        }
        return new RatePoint(workload, qos, 100, offered, achieved, (long) (achieved * 10), (long) (achieved * 10) - lost,
                lost, 0, p50Micros, p99Micros * 8 / 10, p99Micros, p99Micros * 2, p99Micros * 2, encode(h),
                "steps/" + workload + "-" + qos + "-" + (long) offered + "/load-summary.json");
    }

    static String encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[n];
        buffer.flip();
        buffer.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static List<ResourceSample> resources(double cpuScale) {
        List<ResourceSample> samples = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            samples.add(new ResourceSample(i * 1000L, i < 5 ? "certify" : "sensor-fleet qos1 2000/s",
                    cpuScale * (10 + i), (100L + 4 * i) << 20, 20 + i, 40));
        }
        return samples;
    }

    /**
     * Writes the results as {@code dir/bench-results.json} with a certify report directory per certified broker
     * (report.html and a summary.json that names the failing scenario of each failed statement).
     */
    static LoadedBenchResults writeWithReports(BenchResults results, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (BrokerRun b : results.brokers()) {
            if (b.conformance() == null) {
                continue;
            }
            Path reportDir = dir.resolve(b.conformance().reportDirectory());
            Files.createDirectories(reportDir);
            Files.writeString(reportDir.resolve("report.html"), "<html><body>certify report</body></html>");
            StringBuilder statements = new StringBuilder();
            StringBuilder problems = new StringBuilder();
            b.conformance().statements().forEach((key, verdict) -> {
                StatementKey k = StatementKey.parse(key);
                String scenario = "scn-" + k.id().toLowerCase();
                statements.append(statements.length() == 0 ? "" : ",").append("{\"id\":\"").append(k.id())
                        .append("\",\"version\":\"").append(k.version()).append("\",\"verdict\":\"").append(verdict)
                        .append("\",\"scenarios\":[\"").append(scenario).append("\"]}");
                if ("FAILED".equals(verdict)) {
                    problems.append(problems.length() == 0 ? "" : ",").append("{\"scenario\":\"").append(scenario)
                            .append("\",\"version\":\"").append(k.version()).append("\",\"verdict\":\"FAILED\"}");
                }
            });
            Files.writeString(reportDir.resolve("summary.json"),
                    "{\"statements\":[" + statements + "],\"problems\":[" + problems + "]}");
        }
        Path file = dir.resolve("bench-results.json");
        BenchResultsJson.write(results, file);
        return new LoadedBenchResults(file, results);
    }
}
