package io.mqttharness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.brokers.BrokerLauncher;
import io.mqttharness.brokers.BrokerStartException;
import io.mqttharness.brokers.ContainerBroker;
import io.mqttharness.brokers.MosquittoBroker;
import io.mqttharness.load.run.LoadException;
import io.mqttharness.load.run.LoadResult;
import io.mqttharness.load.run.LoadScenario;
import io.mqttharness.reports.bench.BenchResults;
import io.mqttharness.reports.bench.BenchResults.BrokerRun;
import io.mqttharness.reports.bench.BenchResults.BrokerStatus;
import io.mqttharness.reports.bench.BenchResults.RatePoint;
import io.mqttharness.reports.bench.BenchResults.ResourceSample;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench driver's bookkeeping: skipped, failed and partial brokers, without real brokers or load. */
class BenchRunnerTest {
    @TempDir
    Path tmp;

    private final StringWriter console = new StringWriter();

    private BenchOptions options(List<String> brokers) {
        return BenchOptions.defaults(true, tmp.resolve("out")).withBrokers(brokers)
                .withLoad("3.1.1", 10, List.of(1000, 2000), List.of(0), 50)
                .withWorkloads(List.of(LoadScenario.SENSOR_FLEET)).withCertification(false, List.of());
    }

    private BenchResults run(BenchOptions options, LoadStepRunner load, Function<String, BrokerLauncher> launchers)
            throws Exception {
        return new BenchRunner(options, new PrintWriter(console, true), load, launchers, "test").run();
    }

    @Test
    void unavailable_brokers_are_skipped_with_their_reason_and_the_bench_succeeds() throws Exception {
        BenchOptions options = options(List.of("nosuch", "mosquitto", "container:emqx/emqx:5.8"))
                .withMosquittoBinary(tmp.resolve("no-mosquitto-here"));
        Function<String, BrokerLauncher> launchers = name -> name.startsWith("container:")
                ? new ContainerBroker(name.substring("container:".length()), () -> false)
                : BenchRunner.defaultLaunchers(options).apply(name);

        BenchResults results = run(options, (r, p) -> {
            throw new AssertionError("no load without a broker");
        }, launchers);

        assertThat(results.brokers()).extracting(BrokerRun::name)
                .containsExactly("nosuch", "mosquitto", "container:emqx/emqx:5.8");
        assertThat(results.brokers()).extracting(BrokerRun::status).containsOnly(BrokerStatus.SKIPPED);
        assertThat(results.brokers().get(0).reason()).contains("unknown broker 'nosuch'");
        assertThat(results.brokers().get(1).reason()).contains("mosquitto is not installed")
                .contains("no-mosquitto-here");
        assertThat(results.brokers().get(2).reason()).contains("no Docker engine");
        assertThat(BenchRunner.exitCode(results)).isZero();
        assertThat(console.toString()).contains("[mosquitto] SKIPPED: mosquitto is not installed");
        assertThat(BenchResultsWriter.read(tmp.resolve("out/bench-results.json"))).isEqualTo(results);
    }

    @Test
    void real_mosquitto_launcher_with_a_bad_binary_path_is_skipped() throws Exception {
        BenchOptions options = options(List.of("mosquitto")).withMosquittoBinary(Path.of("/nonexistent/mosquitto"));
        BrokerLauncher launcher = BenchRunner.defaultLaunchers(options).apply("mosquitto");
        assertThat(launcher).isInstanceOf(MosquittoBroker.class);

        BenchResults results = run(options, (r, p) -> null, BenchRunner.defaultLaunchers(options));

        assertThat(results.brokers().get(0).status()).isEqualTo(BrokerStatus.SKIPPED);
        assertThat(results.brokers().get(0).reason()).contains("/nonexistent/mosquitto");
    }

    @Test
    void broker_that_does_not_start_fails_the_bench_with_exit_1() throws Exception {
        BrokerLauncher broken = new BrokerLauncher() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public io.mqttharness.brokers.RunningBroker start() {
                throw new BrokerStartException("broken exited with code 3 before accepting connections\nlog...");
            }
        };

        BenchResults results = run(options(List.of("broken")), (r, p) -> null, n -> broken);

        assertThat(results.brokers().get(0).status()).isEqualTo(BrokerStatus.FAILED);
        assertThat(results.brokers().get(0).reason())
                .isEqualTo("did not start: broken exited with code 3 before accepting connections");
        assertThat(BenchRunner.exitCode(results)).isEqualTo(1);
    }

    @Test
    void failed_load_step_is_recorded_and_the_sequence_goes_on() throws Exception {
        LoadStepRunner load = (request, progress) -> {
            if (request.scenario() == LoadScenario.SENSOR_FLEET && request.offeredRate() > 1500) {
                throw new LoadException("broker closed the connections");
            }
            // a step takes time: long enough for the 1 s sampler to label a sample with it
            java.util.concurrent.locks.LockSupport.parkNanos(1_200_000_000L);
            return result(request.offeredRate());
        };

        BenchResults results = run(options(List.of("fake")), load, FakeBroker::launcher);

        BrokerRun run = results.brokers().get(0);
        assertThat(run.status()).isEqualTo(BrokerStatus.FAILED);
        assertThat(run.reason()).isEqualTo("sensor-fleet qos0 2000/s: broker closed the connections");
        assertThat(run.rateSweep()).extracting(RatePoint::offeredRate).containsExactly(1000.0);
        assertThat(run.rateSweep().get(0).summaryFile())
                .isEqualTo("fake/load/sensor-fleet-qos0-1000/load-summary.json");
        assertThat(run.connectionRamp()).as("the ramp still ran after the failed step").isNotNull();
        assertThat(run.connectionRamp().reached()).isEqualTo(50);
        assertThat(run.resources()).extracting(ResourceSample::phase).contains("sensor-fleet qos0 1000/s");
        assertThat(run.resources()).allSatisfy(s -> assertThat(s.rssBytes()).isPositive());
        assertThat(run.version()).isEqualTo("1.0");
        assertThat(BenchRunner.exitCode(results)).isEqualTo(1);
        assertThat(console.toString()).contains("[fake] FAILED sensor-fleet qos0 2000/s: broker closed");
    }

    @Test
    void warm_up_runs_first_at_the_lowest_rate_and_highest_qos_and_is_not_recorded() throws Exception {
        List<String> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
        LoadStepRunner load = (request, progress) -> {
            steps.add(request.scenario().cliName() + " qos" + request.qos() + " " + request.offeredRate() + " -> "
                    + tmp.resolve("out").relativize(request.reportDirectory()));
            return result(request.offeredRate());
        };
        BenchOptions options = options(List.of("fake")).withLoad("3.1.1", 10, List.of(2000, 1000), List.of(0, 1), 50);

        BenchResults results = run(options, load, FakeBroker::launcher);

        assertThat(steps.get(0)).isEqualTo("sensor-fleet qos1 1000.0 -> fake/load/warm-up");
        assertThat(steps).hasSize(1 + 4 + 1);
        BrokerRun run = results.brokers().get(0);
        assertThat(run.rateSweep()).hasSize(4);
        assertThat(run.rateSweep()).extracting(RatePoint::summaryFile).noneMatch(f -> f.contains("warm-up"));
        assertThat(results.disclosure().parameters()).containsKey("warmUp");
        assertThat(console.toString()).contains("[fake] warm-up: sensor-fleet qos1 1000/s for 5 s, not recorded");
    }

    @Test
    void a_workload_the_broker_lacks_a_feature_for_is_not_applicable_not_a_failure() throws Exception {
        List<String> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
        LoadStepRunner load = (request, progress) -> {
            steps.add(request.scenario().cliName() + " " + request.offeredRate());
            if (request.scenario() == LoadScenario.FAN_IN) {
                throw LoadException.notApplicable("shared subscriptions are an MQTT 5 feature");
            }
            return result(request.offeredRate());
        };
        BenchOptions options = options(List.of("fake"))
                .withWorkloads(List.of(LoadScenario.SENSOR_FLEET, LoadScenario.FAN_IN));

        BenchResults results = run(options, load, FakeBroker::launcher);

        BrokerRun run = results.brokers().get(0);
        assertThat(run.status()).isEqualTo(BrokerStatus.RAN);
        assertThat(run.reason()).isNull();
        assertThat(run.notApplicable()).containsExactly("fan-in qos0: shared subscriptions are an MQTT 5 feature");
        assertThat(steps).as("fan-in 1000/s does not apply: 2000/s not tried").containsOnlyOnce("fan-in 1000.0")
                .doesNotContain("fan-in 2000.0");
        assertThat(BenchRunner.exitCode(results)).isZero();
        assertThat(console.toString()).contains("[fake] not applicable: fan-in qos0: shared subscriptions");
        assertThat(BenchResultsWriter.read(tmp.resolve("out/bench-results.json"))).isEqualTo(results);
    }

    @Test
    void failure_at_the_lowest_rate_skips_the_higher_rates_of_that_workload_and_qos() throws Exception {
        List<String> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
        LoadStepRunner load = (request, progress) -> {
            steps.add(request.scenario().cliName() + (request.scenario() == LoadScenario.CONNECTION_STORM ? ""
                    : " " + request.offeredRate()));
            if (request.scenario() == LoadScenario.SENSOR_FLEET) {
                throw new LoadException("shared subscriptions are not offered");
            }
            return result(request.offeredRate());
        };

        BenchResults results = run(options(List.of("fake")), load, FakeBroker::launcher);

        BrokerRun run = results.brokers().get(0);
        assertThat(steps).as("warm-up, 1000/s failed: 2000/s not tried; then the ramp")
                .containsExactly("sensor-fleet 1000.0", "sensor-fleet 1000.0", "connection-storm");
        assertThat(console.toString()).contains("[fake] warm-up failed (the sweep goes on): warm-up sensor-fleet "
                + "qos0 1000/s: shared subscriptions are not offered");
        assertThat(run.reason()).isEqualTo("sensor-fleet qos0 1000/s: shared subscriptions are not offered "
                + "(higher rates of sensor-fleet qos0 not run)");
        assertThat(run.rateSweep()).isEmpty();
        assertThat(run.connectionRamp()).isNotNull();
    }

    @Test
    void interleaved_rounds_run_each_step_on_every_broker_in_rotating_order_and_record_the_median_round()
            throws Exception {
        java.util.Set<String> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Function<String, BrokerLauncher> launchers = name -> new BrokerLauncher() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public io.mqttharness.brokers.RunningBroker start() {
                open.add(name);
                return new FakeBroker(name) {
                    @Override
                    public void close() {
                        open.remove(name);
                    }
                };
            }
        };
        List<String> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicLong p99 = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicReference<BenchResults> midway = new java.util.concurrent.atomic
                .AtomicReference<>();
        LoadStepRunner load = (request, progress) -> {
            String where = tmp.resolve("out").relativize(request.reportDirectory()).toString();
            if (request.scenario() == LoadScenario.CONNECTION_STORM && midway.get() == null) {
                try {
                    midway.set(BenchResultsWriter.read(tmp.resolve("out/bench-results.json")));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            if (request.scenario() == LoadScenario.CONNECTION_STORM || where.contains("warm-up")) {
                return result(request.offeredRate());
            }
            steps.add(where);
            assertThat(open).as("every broker is up during every step").containsOnly("a", "b");
            // p99 of each broker's successive rounds: 3000, 1000, 2000: the median is neither the first nor the last
            return result(request.offeredRate(), new long[] {3000, 3000, 1000, 1000, 2000, 2000}[(int) (p99
                    .getAndIncrement() % 6)]);
        };
        BenchOptions options = options(List.of("a", "b")).withLoad("3.1.1", 10, List.of(1000), List.of(0), 50)
                .withRounds(3, true);

        BenchResults results = run(options, load, launchers);

        assertThat(steps).containsExactly(
                "a/load/sensor-fleet-qos0-1000-r1", "b/load/sensor-fleet-qos0-1000-r1",
                "b/load/sensor-fleet-qos0-1000-r2", "a/load/sensor-fleet-qos0-1000-r2",
                "a/load/sensor-fleet-qos0-1000-r3", "b/load/sensor-fleet-qos0-1000-r3");
        assertThat(open).as("all stopped at the end").isEmpty();
        assertThat(midway.get().brokers()).as("written after the sweep's step, before the ramps: an interrupted "
                + "bench keeps it").extracting(r -> r.rateSweep().size()).containsExactly(1, 1);
        for (BrokerRun run : results.brokers()) {
            assertThat(run.status()).isEqualTo(BrokerStatus.RAN);
            RatePoint point = run.rateSweep().get(0);
            assertThat(point.p99Micros()).as("the median round").isEqualTo(2000);
            assertThat(point.summaryFile()).isEqualTo(run.name() + "/load/sensor-fleet-qos0-1000-r3/load-summary.json");
            assertThat(point.rounds()).extracting(BenchResults.Round::p99Micros).containsExactly(3000L, 1000L, 2000L);
            assertThat(point.rounds()).extracting(BenchResults.Round::round).containsExactly(1, 2, 3);
        }
        assertThat(results.disclosure().parameters().get("order")).startsWith("interleaved");
        assertThat(console.toString()).contains("[b] sensor-fleet qos0 1000/s round 2: achieved");
        assertThat(BenchResultsWriter.read(tmp.resolve("out/bench-results.json"))).isEqualTo(results);
    }

    @Test
    void a_loss_in_any_round_makes_a_qos1_step_unsustained_even_when_the_median_round_lost_nothing() {
        RatePoint clean = new RatePoint("sensor-fleet", 1, 10, 1000, 1000, 100, 100, 0, 0, 1, 1, 500, 1, 1, null,
                "x");
        RatePoint lossy = new RatePoint("sensor-fleet", 1, 10, 1000, 1000, 100, 99, 1, 0, 1, 1, 900, 1, 1, null,
                "y");
        RatePoint median = SweepRunner.median(List.of(clean, lossy, clean));
        assertThat(median.lost()).isZero();
        assertThat(median.lostInAnyRound()).isEqualTo(1);
        assertThat(io.mqttharness.reports.bench.SustainedRate.sustained(median)).isFalse();
        assertThat(io.mqttharness.reports.bench.SustainedRate.sustained(SweepRunner.median(List.of(clean, clean))))
                .isTrue();
    }

    @Test
    void sequential_rounds_finish_one_broker_before_starting_the_next() throws Exception {
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        LoadStepRunner load = (request, progress) -> {
            events.add(tmp.resolve("out").relativize(request.reportDirectory()).toString());
            return result(request.offeredRate());
        };
        BenchOptions options = options(List.of("a", "b")).withLoad("3.1.1", 10, List.of(1000), List.of(0), 50)
                .withRounds(2, false);

        BenchResults results = run(options, load, FakeBroker::launcher);

        assertThat(events).containsExactly("a/load/warm-up", "a/load/sensor-fleet-qos0-1000-r1",
                "a/load/sensor-fleet-qos0-1000-r2", "a/load/connection-ramp", "b/load/warm-up",
                "b/load/sensor-fleet-qos0-1000-r1", "b/load/sensor-fleet-qos0-1000-r2", "b/load/connection-ramp");
        assertThat(results.brokers()).allSatisfy(r -> assertThat(r.rateSweep().get(0).rounds()).hasSize(2));
        assertThat(results.disclosure().parameters().get("order")).isEqualTo("one broker after the other");
    }

    /** A plausible result: every message delivered at the offered rate. */
    private static LoadResult result(double rate) {
        return result(rate, 2500);
    }

    /** A plausible result with this p99. */
    static LoadResult result(double rate, long p99) {
        long n = (long) rate;
        return new LoadResult("sensor-fleet", "tcp://127.0.0.1:1", "3.1.1", 0, Instant.now(), Duration.ofSeconds(1),
                rate, rate, new LoadResult.MessageCounts(n, n, 0, 0, 0), 0,
                new LoadResult.LatencyMicros(n, 800, 1200, p99, 4000, 5000, 6000, 900.0, List.of(), "HISTO"),
                Map.of("connect", new LoadResult.RequestStats(50, 0, 2, 9, 12)), 50, 0.5, null, null, Map.of());
    }
}
