package io.mqttharness.cli.fuzz;

import io.mqttharness.cli.CliException;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.fuzz.FuzzFinding;
import io.mqttharness.spec.fuzz.FuzzOptions;
import io.mqttharness.spec.fuzz.FuzzResult;
import io.mqttharness.spec.fuzz.FuzzTarget;
import io.mqttharness.spec.fuzz.FuzzTargetUnreachableException;
import io.mqttharness.spec.fuzz.Fuzzer;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mqtt-harness fuzz}: black-box fuzzing of a broker with mutated client sessions while a control connection
 * pings it; a hang or crash is saved as a replayable scenario (see {@link Fuzzer}).
 */
@Command(name = "fuzz",
        mixinStandardHelpOptions = true,
        description = {
            "Fuzzes a broker with mutated client sessions (CONNECT, SUBSCRIBE, PUBLISH flows: bit flips, boundary",
            "values, corrupted lengths, truncation, splicing) while a control connection sends PINGREQ every second.",
            "When the broker hangs or crashes, the sessions are saved as a scenario that",
            "'mqtt-harness certify --scenarios DIR --only ID' replays."
        },
        footer = {"",
            "Exit status:",
            "  0  no finding",
            "  1  a finding (reproducer scenarios written to --out)",
            "  2  bad options",
            "  3  the target cannot be reached"})
public final class FuzzCommand implements Callable<Integer> {
    public static final int FINDING = 1;
    public static final int UNREACHABLE = 3;

    @Spec
    private CommandSpec spec;

    @Option(names = "--target", paramLabel = "URL", defaultValue = "embedded",
            description = "tcp://host:port (or host:port), or 'embedded' (default): the reference broker on a free "
                    + "loopback port, restarted to minimise a finding.")
    private String target;

    @Option(names = "--mqtt", paramLabel = "VERSION", defaultValue = "5",
            description = "Protocol version of the sessions: 3.1.1 or 5 (default: ${DEFAULT-VALUE}).")
    private String mqtt;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "5m",
            description = "How long to fuzz, e.g. 30s, 5m, 1h (default: ${DEFAULT-VALUE}).")
    private String duration;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the mutations (default: random, printed at the start).")
    private Long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "mqtt-harness-fuzz",
            description = "Where reproducer scenarios go (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--ping-timeout", paramLabel = "TIME", defaultValue = "5s",
            description = "How long a PINGRESP may take before the broker counts as hung (default: ${DEFAULT-VALUE}).")
    private String pingTimeout;

    @Override
    public Integer call() {
        FuzzOptions options = options();
        PrintWriter stdout = spec.commandLine().getOut();
        FuzzTarget fuzzTarget = openTarget();
        try (fuzzTarget) {
            stdout.println("fuzzing " + fuzzTarget.describe() + " with MQTT " + options.version().displayName()
                    + " sessions for " + duration + " (seed " + options.seed() + ")");
            stdout.flush();
            FuzzResult result = new Fuzzer(fuzzTarget, options, line -> {
                stdout.println(line);
                stdout.flush();
            }).run();
            stdout.printf(Locale.ROOT, "done: %,d executions in %.1f s (%.0f/s), %,d connections, %d finding(s)%n",
                    result.executions(), result.elapsed().toMillis() / 1000.0, result.executionsPerSecond(),
                    result.connections(), result.findings().size());
            for (FuzzFinding f : result.findings()) {
                stdout.println("finding: " + f.reason());
                stdout.println("  replay: mqtt-harness certify --target " + replayTarget(fuzzTarget) + " --mqtt "
                        + options.version().displayName() + " --scenarios " + options.outDir() + " --only "
                        + idOf(f.minimizedReproducer()));
            }
            stdout.flush();
            return result.findings().isEmpty() ? 0 : FINDING;
        } catch (FuzzTargetUnreachableException e) {
            throw new CliException(UNREACHABLE, "cannot reach the broker: " + e.getMessage(), e);
        }
    }

    private FuzzOptions options() {
        MqttVersion version;
        try {
            version = MqttVersion.parse(mqtt);
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.BAD_INPUT, "--mqtt: " + e.getMessage());
        }
        if (version == MqttVersion.MQTT_3_1) {
            throw new CliException(CliException.BAD_INPUT, "--mqtt: expected 3.1.1 or 5, got " + mqtt);
        }
        Duration fuzzFor = duration("--duration", duration);
        Duration timeout = duration("--ping-timeout", pingTimeout);
        long s = seed != null ? seed : System.nanoTime();
        return new FuzzOptions(version, fuzzFor, s, out, FuzzOptions.DEFAULT_PING_INTERVAL, timeout);
    }

    private static Duration duration(String option, String text) {
        try {
            return FuzzDurations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.BAD_INPUT, option + ": " + e.getMessage());
        }
    }

    private FuzzTarget openTarget() {
        String t = target.trim();
        if (t.equalsIgnoreCase("embedded")) {
            try {
                return new EmbeddedFuzzTarget();
            } catch (RuntimeException e) {
                throw new CliException(UNREACHABLE, "cannot start the embedded reference broker: " + e.getMessage(), e);
            }
        }
        String url = t.contains("://") ? t : "tcp://" + t;
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("tcp") && !scheme.equals("mqtt")) {
                throw new CliException(CliException.BAD_INPUT, "--target " + t
                        + ": fuzz speaks plain TCP only (tcp://host:port or embedded)");
            }
            if (uri.getHost() == null) {
                throw new CliException(CliException.BAD_INPUT, "--target " + t + ": no host");
            }
            return new RemoteFuzzTarget(uri.getHost(), uri.getPort() < 0 ? 1883 : uri.getPort());
        } catch (URISyntaxException e) {
            throw new CliException(CliException.BAD_INPUT, "--target " + t + ": " + e.getMessage());
        }
    }

    private static String replayTarget(FuzzTarget target) {
        return target instanceof RemoteFuzzTarget r ? r.describe() : "embedded";
    }

    private static String idOf(Path scenario) {
        String name = scenario.getFileName().toString();
        return name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
    }
}
