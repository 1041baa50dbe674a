package io.mqttharness.load.run;

import com.typesafe.config.ConfigFactory;
import io.gatling.javaapi.core.Simulation;
import io.mqttharness.load.GatlingRunner;
import io.mqttharness.load.e2e.E2eLatencyTracker;
import io.mqttharness.load.metrics.LoadMetrics;
import io.mqttharness.load.protocol.MqttProtocol;
import io.mqttharness.load.protocol.MqttProtocolBuilder;
import io.mqttharness.load.simulation.ConnectionStorm;
import io.mqttharness.load.simulation.FanIn;
import io.mqttharness.load.simulation.FanOut;
import io.mqttharness.load.simulation.OfflineBacklog;
import io.mqttharness.load.simulation.SensorFleet;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Runs one {@link LoadRequest} in this JVM with Gatling and returns what it measured; also writes
 * {@code load-summary.json}, the {@code .hgrm} file and Gatling's HTML report into the request's report
 * directory.
 *
 * <p>Before Gatling starts, one probe connection checks that the broker can be reached and accepts the
 * credentials (a clear {@link LoadException} within seconds otherwise). Gatling's console output goes to
 * {@code gatling-console.log} in the report directory; progress goes to the listener. Gatling's anonymous usage
 * analytics are switched off. The JVM needs {@code --add-opens java.base/java.lang=ALL-UNNAMED} (Gatling reads
 * String internals). One run per JVM at a time.
 */
public final class LoadRunner {

    /**
     * Runs the request to completion (it always ends: every wait has a timeout).
     *
     * @throws LoadException the run could not start or complete (target unreachable, bad parameters); the
     *     message is meant for the user
     */
    public LoadResult run(LoadRequest request, LoadProgressListener progress) throws LoadException {
        MqttProtocol protocol = probeProtocol(request);
        validate(request);
        new BrokerProbe(protocol, request.target().toString()).check(request.scenario() == LoadScenario.FAN_IN);
        Path reportDir = request.reportDirectory().toAbsolutePath().normalize();
        Path gatlingDir = reportDir.resolve("gatling");
        try {
            Files.createDirectories(gatlingDir);
        } catch (IOException e) {
            throw new LoadException("cannot create the report directory " + reportDir + ": " + e.getMessage(), e);
        }
        E2eLatencyTracker tracker = new E2eLatencyTracker();
        LoadMetrics metrics = new LoadMetrics();
        LoadRunContext context = new LoadRunContext(request, tracker, metrics);
        ScenarioTimeline timeline = ScenarioTimeline.of(request);
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        double cpuBefore = processCpuSeconds();
        HostCpu.Snapshot hostBefore = HostCpu.system().snapshot();
        int exitCode;
        LoadRunContext.open(context);
        configureGatling(request.gatlingReport());
        PrintStream stdout = System.out;
        try (PrintStream console = new PrintStream(Files.newOutputStream(reportDir.resolve("gatling-console.log")),
                true, "UTF-8");
                ProgressTicker ticker = new ProgressTicker(progress == null ? LoadProgressListener.NONE : progress,
                        tracker, metrics, timeline.total().toMillis() / 1000.0)) {
            System.setOut(console);
            exitCode = GatlingRunner.run(simulationClass(request.scenario()), gatlingDir, request.gatlingReport());
        } catch (IOException e) {
            throw new LoadException("cannot write to the report directory " + reportDir + ": " + e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            throw new LoadException("the Gatling run failed: " + e, e);
        } finally {
            System.setOut(stdout);
            LoadRunContext.close(context);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        Path htmlReport = latestRun(gatlingDir);
        if (exitCode != 0 && htmlReport == null) {
            throw new LoadException("the Gatling run failed (exit code " + exitCode + "); see "
                    + reportDir.resolve("gatling-console.log"));
        }
        Path histogram = reportDir.resolve(LoadSummaryFiles.HISTOGRAM);
        LoadResult result = LoadResults.of(request, started, elapsed, tracker, metrics,
                processCpuSeconds() - cpuBefore, HostCpu.stealPercent(hostBefore, HostCpu.system().snapshot()),
                htmlReport, histogram);
        try {
            tracker.writePercentiles(histogram);
            LoadSummaryFiles.writeSummary(result, reportDir);
            LoadSummaryFiles.writeCounts(tracker, reportDir);
        } catch (IOException e) {
            throw new LoadException("cannot write the results to " + reportDir + ": " + e.getMessage(), e);
        }
        return result;
    }

    /** The Gatling simulation of a scenario. */
    public static Class<? extends Simulation> simulationClass(LoadScenario scenario) {
        return switch (scenario) {
            case SENSOR_FLEET -> SensorFleet.class;
            case FAN_IN -> FanIn.class;
            case FAN_OUT -> FanOut.class;
            case CONNECTION_STORM -> ConnectionStorm.class;
            case OFFLINE_BACKLOG -> OfflineBacklog.class;
        };
    }

    /** Checks what the record cannot: scenario-specific needs (callers may check early, before starting a broker). */
    public static void validate(LoadRequest request) throws LoadException {
        switch (request.scenario()) {
            case FAN_IN, FAN_OUT -> {
                if (request.subscribers() < 1) {
                    throw new LoadException(request.scenario().cliName() + " needs at least one subscriber");
                }
            }
            case OFFLINE_BACKLOG -> {
                if (request.qos() == 0) {
                    throw new LoadException("offline-backlog needs QoS 1 or 2: QoS 0 messages are not queued for "
                            + "offline sessions");
                }
                if (request.subscribers() < 1) {
                    throw new LoadException("offline-backlog needs at least one subscriber");
                }
            }
            default -> { }
        }
    }

    private static MqttProtocol probeProtocol(LoadRequest request) throws LoadException {
        try {
            MqttProtocolBuilder builder = MqttProtocolBuilder.defaults().target(request.target().toString())
                    .version(request.mqttVersion());
            if (request.username() != null) {
                builder = builder.credentials(request.username(), request.password());
            }
            return (request.trustAllCertificates() ? builder.trustAllCertificates() : builder).protocol();
        } catch (IllegalArgumentException e) {
            throw new LoadException(e.getMessage(), e);
        }
    }

    /** Quiet, private Gatling: only the file writer (our progress replaces the console), no analytics. */
    /**
     * Without a report, the console writer replaces the file writer: no {@code simulation.log} grows on disk (the
     * console's periodic statistics go to {@code gatling-console.log}).
     */
    private static void configureGatling(boolean report) {
        System.setProperty("gatling.data.writers.0", report ? "file" : "console");
        System.setProperty("gatling.data.enableAnalytics", "false");
        ConfigFactory.invalidateCaches();
    }

    /** The newest run directory Gatling wrote (the one with an index.html), or null. */
    private static Path latestRun(Path gatlingDir) {
        try (Stream<Path> runs = Files.list(gatlingDir)) {
            return runs.filter(dir -> Files.exists(dir.resolve("index.html")))
                    .max(Comparator.comparing(dir -> dir.toFile().lastModified())).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return 0;
    }

}
