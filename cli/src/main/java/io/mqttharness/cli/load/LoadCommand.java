package io.mqttharness.cli.load;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.cli.CliException;
import io.mqttharness.cli.CliVersionProvider;
import io.mqttharness.load.run.LoadAssertion;
import io.mqttharness.load.run.LoadAssertions;
import io.mqttharness.load.run.LoadException;
import io.mqttharness.load.run.LoadRequest;
import io.mqttharness.load.run.LoadResult;
import io.mqttharness.load.run.LoadRunner;
import io.mqttharness.load.run.LoadScenario;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mqtt-harness load}: runs a Gatling load scenario in this JVM against a broker (the embedded reference
 * broker by default), shows live progress, prints a summary and writes Gatling's HTML report,
 * {@code load-summary.json} and the microsecond latency histogram.
 */
@Command(name = "load",
        mixinStandardHelpOptions = true,
        versionProvider = CliVersionProvider.class,
        description = {
            "Load-tests a broker with Gatling (in this JVM): sensors publish on a fixed schedule, subscribers "
                + "measure end-to-end latency, loss, duplicates and ordering. Writes Gatling's HTML report, "
                + "load-summary.json and e2e-latency.hgrm. Without --target it loads the embedded reference broker."
        },
        footer = {"",
            "Scenarios: sensor-fleet, fan-in, fan-out, connection-storm, offline-backlog",
            "(see README).",
            "Assertions (--assert, comma-separated; OP is one of < <= > >= =):",
            "  p50|p90|p99|p999|p9999|max OP N us|ms|s",
            "  loss|duplicates|outoforder|overruns|ko OP N[%%]",
            "  rate>=N, connections>=N",
            "  At QoS 1/2 'loss=0' applies unless --assert names loss.",
            "",
            "Exit status:",
            "  0  the run completed and every assertion passed",
            "  1  an assertion failed",
            "  2  bad options",
            "  3  the target cannot be reached, or the run failed"})
public final class LoadCommand implements Callable<Integer> {
    /** Exit code: an assertion failed. */
    public static final int ASSERTION_FAILED = 1;
    /** Exit code: the target cannot be reached or the run failed. */
    public static final int RUN_ERROR = 3;

    private static final DateTimeFormatter DIR_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    /** Sockets are file descriptors; leave room for jars, logs, report files and the JVM's own. */
    private static final int FD_RESERVE = 300;

    @Spec
    private CommandSpec spec;

    @Option(names = "--target", paramLabel = "URL", defaultValue = "embedded",
            description = "tcp://host:port, tls://host:port, ws://host:port/path, wss://host:port/path, or "
                    + "embedded (default): the reference broker in this JVM on a free loopback port.")
    private String target;

    @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "sensor-fleet",
            description = "sensor-fleet (default), fan-in, fan-out, connection-storm or offline-backlog.")
    private String scenario;

    @Option(names = "--sensors", paramLabel = "N", defaultValue = "100",
            description = "Publishing clients (connection-storm: connections to open). Default ${DEFAULT-VALUE}.")
    private int sensors;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "1/s",
            description = "Messages per second per sensor, e.g. 1/s, 0.5/s, 120/m (connection-storm: new "
                    + "connections per second). Default ${DEFAULT-VALUE}.")
    private String rate;

    @Option(names = "--qos", paramLabel = "0|1|2", defaultValue = "1", description = "Publish and subscribe QoS.")
    private int qos;

    @Option(names = "--duration", paramLabel = "D", defaultValue = "60s",
            description = "Publishing time of each sensor (connection-storm: how long connections are held), "
                    + "e.g. 60s, 2m. Default ${DEFAULT-VALUE}.")
    private String duration;

    @Option(names = "--ramp", paramLabel = "D", defaultValue = "1s",
            description = "Time over which sensors connect (whole seconds). Default ${DEFAULT-VALUE}.")
    private String ramp;

    @Option(names = "--subscribers", paramLabel = "M", defaultValue = "1",
            description = "Dashboards / consumers / subscribers. Default ${DEFAULT-VALUE}.")
    private int subscribers;

    @Option(names = "--mqtt", paramLabel = "VERSION", defaultValue = "5", description = "3.1.1 or 5 (default).")
    private String mqtt;

    @Option(names = "--username", paramLabel = "U", description = "User name of every client.")
    private String username;

    @Option(names = "--password", paramLabel = "P", description = "Password of every client.")
    private String password;

    @Option(names = "--insecure", description = "tls:// and wss://: accept any server certificate (self-signed).")
    private boolean insecure;

    @Option(names = "--no-gatling-report", description = "No Gatling simulation.log and HTML report (long runs: "
            + "the log grows by ~90 MB per million messages and takes minutes to render); the summary, "
            + "load-summary.json and the histogram are written as always.")
    private boolean noGatlingReport;

    @Option(names = "--payload-size", paramLabel = "BYTES", defaultValue = "64",
            description = "Bytes per message (at least the 31-byte latency header). Default ${DEFAULT-VALUE}.")
    private int payloadSize;

    @Option(names = "--option", paramLabel = "KEY=VALUE",
            description = "Scenario option, repeatable: sensor-fleet filter=sensors/+/temperature, "
                    + "fan-in group=NAME, fan-out topic=NAME.")
    private Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "Where the reports go (default: mqtt-harness-reports/load-<date-time>).")
    private Path reportDir;

    @Option(names = "--assert", paramLabel = "CONDITIONS",
            description = "Pass/fail conditions, e.g. \"p99<50ms,loss=0,rate>=900\". Repeatable.")
    private List<String> asserts = new ArrayList<>();

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (a line redrawn on a terminal, a line per second otherwise), bar, plain or none.")
    private String progress;

    @Override
    public Integer call() {
        LoadRequest draft = request(URI.create("tcp://127.0.0.1:1"));
        try {
            LoadRunner.validate(draft);
        } catch (LoadException e) {
            throw new CliException(CliException.BAD_INPUT, e.getMessage(), e);
        }
        List<LoadAssertion> assertions = assertions();
        LoadProgressPrinter.Mode mode = progressMode();
        LoadTarget where = parseTarget();
        checkFileDescriptors(where);
        PrintWriter err = spec.commandLine().getErr();
        try (EmbeddedBroker embedded = where.embedded() ? EmbeddedBroker.start() : null) {
            URI uri = embedded != null ? embedded.uri() : where.uri();
            LoadRequest request = request(uri);
            String workload = request.scenario() == LoadScenario.CONNECTION_STORM
                    ? String.format(Locale.ROOT, "%d connections at %s/s, held %s", request.sensors(),
                            trim(request.ratePerSensor()), human(request.duration()))
                    : String.format(Locale.ROOT, "%d sensors x %s msg/s, %d subscribers, QoS %d, %s (ramp %s)",
                            request.sensors(), trim(request.ratePerSensor()), request.subscribers(), request.qos(),
                            human(request.duration()), human(request.ramp()));
            err.printf(Locale.ROOT, "load: %s against %s%s, MQTT %s: %s%n", request.scenario().cliName(), uri,
                    embedded != null ? " (embedded reference broker)" : "", request.mqttVersion(), workload);
            err.flush();
            LoadResult result;
            try (LoadProgressPrinter printer = new LoadProgressPrinter(err, mode)) {
                result = new LoadRunner().run(request, printer);
            } catch (LoadException e) {
                throw new CliException(RUN_ERROR, e.getMessage(), e);
            }
            return finish(result, assertions, draft.reportDirectory());
        }
    }

    private int finish(LoadResult result, List<LoadAssertion> assertions, Path dir) {
        List<LoadAssertion.Outcome> outcomes = LoadAssertions.check(assertions, result);
        LoadSummaryPrinter.print(spec.commandLine().getOut(), result, outcomes, dir);
        LoadResult.RequestStats connects = result.requests().get("connect");
        if (connects == null || connects.ok() == 0) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: no client could connect"
                    + (result.errors().isEmpty() ? "" : ": " + result.errors().keySet().iterator().next()));
            err.flush();
            return RUN_ERROR;
        }
        return outcomes.stream().allMatch(LoadAssertion.Outcome::passed) ? 0 : ASSERTION_FAILED;
    }

    private LoadRequest request(URI uri) {
        LoadScenario parsedScenario = bad(() -> LoadScenario.fromName(scenario));
        String version = switch (mqtt.trim().toLowerCase(Locale.ROOT)) {
            case "3.1.1", "4", "311" -> "3.1.1";
            case "5", "5.0" -> "5";
            default -> throw new CliException(CliException.BAD_INPUT, "Invalid value for option '--mqtt': '" + mqtt
                    + "' (expected 3.1.1 or 5)");
        };
        double perSecond = bad(() -> LoadValues.ratePerSecond("--rate", rate));
        Duration length = bad(() -> LoadValues.duration("--duration", duration));
        Duration rampTime = bad(() -> LoadValues.duration("--ramp", ramp));
        Path dir = reportDir != null ? reportDir
                : Path.of("mqtt-harness-reports", "load-" + LocalDateTime.now().format(DIR_TIME));
        LoadRequest request = bad(() -> new LoadRequest(parsedScenario, uri, version, sensors, perSecond, qos,
                length, rampTime, subscribers, payloadSize, username, password, insecure,
                dir.toAbsolutePath().normalize(), options, !noGatlingReport));
        if (perSecond > 1000 && parsedScenario != LoadScenario.CONNECTION_STORM) {
            throw new CliException(CliException.BAD_INPUT, "Invalid value for option '--rate': " + rate
                    + " (at most 1000/s per sensor; use more --sensors for a higher total rate)");
        }
        return request;
    }

    private List<LoadAssertion> assertions() {
        List<LoadAssertion> result = new ArrayList<>();
        for (String text : asserts) {
            result.addAll(bad(() -> LoadAssertions.parse(text)));
        }
        boolean namesLoss = result.stream().anyMatch(a -> a.metric() == LoadAssertion.Metric.LOSS);
        if (qos > 0 && !namesLoss) {
            result.add(LoadAssertions.parse("loss=0").get(0));
        }
        return result;
    }

    private LoadTarget parseTarget() {
        return bad(() -> LoadTarget.parse(target));
    }

    private LoadProgressPrinter.Mode progressMode() {
        return bad(() -> LoadProgressPrinter.Mode.valueOf(progress.trim().toUpperCase(Locale.ROOT)));
    }

    /** Each client is a socket, and with the embedded broker its server side is one more in this process. */
    private void checkFileDescriptors(LoadTarget where) {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os)) {
            return;
        }
        long clients = (long) sensors + subscribers;
        long needed = clients * (where.embedded() ? 2 : 1) + FD_RESERVE;
        long limit = os.getMaxFileDescriptorCount();
        if (needed > limit) {
            throw new CliException(CliException.BAD_INPUT, clients + " clients" + (where.embedded()
                    ? " against the embedded broker (client and server side in this process)" : "")
                    + " need about " + needed + " file descriptors, but the limit is " + limit
                    + " (ulimit -n); use fewer --sensors" + (where.embedded() ? " or an external --target" : ""));
        }
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static <T> T bad(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            throw new CliException(CliException.BAD_INPUT, message.startsWith("Invalid value") ? message
                    : "invalid load options: " + message, e);
        }
    }

    /** The reference broker on a free loopback port for the duration of one run. */
    private record EmbeddedBroker(MqttBroker broker) implements AutoCloseable {
        static EmbeddedBroker start() {
            try {
                return new EmbeddedBroker(MqttBroker.startLoopback());
            } catch (RuntimeException e) {
                throw new CliException(RUN_ERROR, "cannot start the embedded reference broker: " + e.getMessage(), e);
            }
        }

        URI uri() {
            return URI.create("tcp://127.0.0.1:" + broker.port());
        }

        @Override
        public void close() {
            broker.close();
        }
    }
}
