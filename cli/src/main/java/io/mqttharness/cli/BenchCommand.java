package io.mqttharness.cli;

import io.mqttharness.bench.BenchOptions;
import io.mqttharness.bench.BenchRunner;
import io.mqttharness.brokers.BrokerLaunchers;
import io.mqttharness.load.run.LoadScenario;
import io.mqttharness.reports.bench.BenchResults;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mqtt-harness bench}: starts each broker in turn, certifies it, runs the same rate sweep and connection ramp
 * on it while sampling its process from /proc, and writes everything to {@code bench-results.json}.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = CliVersionProvider.class,
        description = {
            "Certifies and load-tests several brokers in turn with the same sequence:",
            "certification (MQTT 3.1.1 and 5), a rate sweep (sensor-fleet and fan-in at",
            "each QoS) and a connection ramp, while sampling each broker's CPU, memory,",
            "threads and open files. Writes bench-results.json and every report."
        },
        footer = {"",
            "Brokers: reference (own JVM), mosquitto (installed binary), hivemq-ce and",
            "moquette (own JVMs, jars resolved from Maven Central with mvn), and",
            "container:IMAGE (Docker via Testcontainers). A broker that cannot run here",
            "is SKIPPED with the reason.",
            "",
            "Exit status:",
            "  0  every broker ran or was skipped with a reason",
            "  1  a broker failed (did not start, or a step could not run)",
            "  2  bad options"})
final class BenchCommand implements Callable<Integer> {
    private static final DateTimeFormatter DIR_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    @Spec
    private CommandSpec spec;

    @Option(names = "--brokers", paramLabel = "LIST", split = ",",
            description = "Brokers in order (default: reference,mosquitto,hivemq-ce,moquette); also container:IMAGE.")
    private List<String> brokers = new ArrayList<>();

    @Option(names = "--quick", description = "Short sequence: 3 rate steps of 5 s, 20 sensors, a ramp to 200 "
            + "connections.")
    private boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: target/bench/<date-time>).")
    private Path out;

    @Option(names = "--mqtt", paramLabel = "VERSION", defaultValue = "3.1.1",
            description = "Protocol version of the load: 3.1.1 or 5 (default: ${DEFAULT-VALUE}); certification "
                    + "always runs both.")
    private String mqtt;

    @Option(names = "--sensors", paramLabel = "N", description = "Publishing clients per rate step.")
    private Integer sensors;

    @Option(names = "--rates", paramLabel = "LIST", split = ",",
            description = "Offered total message rates of the sweep, msg/s, e.g. 1000,2000,4000,8000.")
    private List<Integer> rates;

    @Option(names = "--qos", paramLabel = "LIST", split = ",", description = "QoS levels of the sweep, e.g. 0,1.")
    private List<Integer> qos;

    @Option(names = "--workloads", paramLabel = "LIST", split = ",",
            description = "Workloads of the sweep (default: sensor-fleet,fan-in).")
    private List<String> workloads;

    @Option(names = "--step-seconds", paramLabel = "S", description = "Publishing time of one rate step.")
    private Integer stepSeconds;

    @Option(names = "--rounds", paramLabel = "N", description = "Run each rate step N times on each broker and "
            + "record its median round by p99, every round listed (default: 1).")
    private Integer rounds;

    @Option(names = "--interleave", description = "Keep every broker up during the load and run each step (each "
            + "round) on every broker back to back, the order rotating: drift of a shared host then hits all "
            + "brokers alike. Default: one broker after the other.")
    private boolean interleave;

    @Option(names = "--ramp-connections", paramLabel = "N", description = "Connections the connection ramp opens.")
    private Integer rampConnections;

    @Option(names = "--only", paramLabel = "PATTERN", split = ",",
            description = "Certify only scenarios matching (as certify --only); default: every scenario.")
    private List<String> only = new ArrayList<>();

    @Option(names = "--no-certify", description = "Skip the certification.")
    private boolean noCertify;

    @Option(names = "--baselines", paramLabel = "DIR",
            description = "Directory of broker baselines (<broker>.yaml, e.g. "
                    + "spec-tests/src/test/resources/baselines): certification is compared with them and runs the scenarios they isolate last.")
    private Path baselineDir;

    @Option(names = "--mosquitto", paramLabel = "PATH", description = "The mosquitto binary (default: "
            + "/usr/sbin/mosquitto, /usr/local/sbin/mosquitto, then PATH).")
    private Path mosquittoBinary;

    @Override
    public Integer call() throws InterruptedException {
        BenchOptions options = options();
        BenchRunner runner = new BenchRunner(options, spec.commandLine().getOut(), CliVersionProvider.version());
        BenchResults results;
        try {
            results = runner.run();
        } catch (IOException e) {
            throw new CliException(CliException.RUNTIME_FAILURE, "cannot write " + runner.resultsFile() + ": "
                    + CliExecutionExceptionHandler.describe(e), e);
        }
        return BenchRunner.exitCode(results);
    }

    /** The options after validation; every mistake is a usage error (exit 2) naming the option. */
    BenchOptions options() {
        Path dir = out != null ? out : Path.of("target", "bench", LocalDateTime.now().format(DIR_TIME));
        BenchOptions o = BenchOptions.defaults(quick, dir);
        List<String> names = brokers.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (!brokers.isEmpty()) {
            if (names.isEmpty()) {
                throw bad("--brokers", String.join(",", brokers), "no broker named");
            }
            for (String n : names) {
                try {
                    BrokerLaunchers.forName(n, io.mqttharness.brokers.LaunchProfile.PERFORMANCE);
                } catch (IllegalArgumentException e) {
                    throw bad("--brokers", n, e.getMessage());
                }
            }
            o = o.withBrokers(names);
        }
        String version = switch (mqtt.trim().toLowerCase(Locale.ROOT)) {
            case "3.1.1", "4" -> "3.1.1";
            case "5", "5.0" -> "5";
            default -> throw bad("--mqtt", mqtt, "expected 3.1.1 or 5");
        };
        requirePositive("--sensors", sensors);
        requirePositive("--ramp-connections", rampConnections);
        requirePositive("--step-seconds", stepSeconds);
        requirePositive("--rounds", rounds);
        if (rates != null) {
            rates.forEach(r -> requirePositive("--rates", r));
        }
        if (qos != null && qos.stream().anyMatch(q -> q < 0 || q > 2)) {
            throw bad("--qos", qos.toString(), "expected QoS levels 0, 1 or 2");
        }
        o = o.withLoad(version, sensors != null ? sensors : o.sensors(), rates != null ? rates : o.rates(),
                qos != null ? qos : o.qos(), rampConnections != null ? rampConnections : o.rampConnections());
        if (stepSeconds != null) {
            o = o.withStepDuration(Duration.ofSeconds(stepSeconds),
                    Duration.ofSeconds(Math.min(o.ramp().toSeconds(), Math.max(1, stepSeconds / 5))));
        }
        if (workloads != null) {
            o = o.withWorkloads(workloads.stream().map(w -> workload(w)).toList());
        }
        o = o.withRounds(rounds != null ? rounds : 1, interleave);
        o = o.withCertification(!noCertify, only.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
        if (baselineDir != null) {
            if (!java.nio.file.Files.isDirectory(baselineDir)) {
                throw bad("--baselines", baselineDir.toString(), "no such directory");
            }
            o = o.withBaselineDir(baselineDir);
        }
        return mosquittoBinary != null ? o.withMosquittoBinary(mosquittoBinary) : o;
    }

    private LoadScenario workload(String name) {
        try {
            LoadScenario s = LoadScenario.fromName(name);
            if (s == LoadScenario.CONNECTION_STORM || s == LoadScenario.OFFLINE_BACKLOG) {
                throw bad("--workloads", name, "the sweep runs rate workloads: sensor-fleet, fan-in or fan-out");
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw bad("--workloads", name, e.getMessage());
        }
    }

    private void requirePositive(String option, Integer value) {
        if (value != null && value < 1) {
            throw bad(option, value.toString(), "expected a positive number");
        }
    }

    private ParameterException bad(String option, String value, String why) {
        return new ParameterException(spec.commandLine(),
                "Invalid value for option '" + option + "': '" + value + "' (" + why + ")");
    }
}
