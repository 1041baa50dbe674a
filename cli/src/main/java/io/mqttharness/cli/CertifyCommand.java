package io.mqttharness.cli;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.reports.conformance.ConformanceReport;
import io.mqttharness.reports.conformance.ConformanceReportFiles;
import io.mqttharness.reports.conformance.ConsoleSummaryWriter;
import io.mqttharness.spec.CertificationRequest;
import io.mqttharness.spec.CertificationRun;
import io.mqttharness.spec.CertificationRunner;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.ScenarioSelector;
import io.mqttharness.spec.baseline.Baseline;
import io.mqttharness.spec.baseline.BaselineComparison;
import io.mqttharness.spec.baseline.FailureConfirmation;
import io.mqttharness.spec.baseline.IsolatedScenarios;
import io.mqttharness.spec.capability.CapabilityProfile;
import io.mqttharness.spec.client.BrokerUnreachableException;
import io.mqttharness.spec.client.MqttTarget;
import io.mqttharness.spec.scenario.Scenario;
import io.mqttharness.spec.scenario.ScenarioLoader;
import io.mqttharness.spec.scenario.ScenarioSyntaxException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mqtt-harness certify}: runs the conformance scenarios against a broker (the embedded reference broker by
 * default), shows progress, prints a summary and writes the HTML, Markdown, JUnit XML and JSON reports.
 */
@Command(name = "certify",
        mixinStandardHelpOptions = true,
        versionProvider = CliVersionProvider.class,
        description = {
            "Checks a broker against the MQTT 3.1.1 and 5.0 specifications, one normative statement at a time,",
            "and writes report.html, report.md, junit.xml and summary.json.",
            "Without --target it certifies the embedded reference broker."
        },
        footer = {"",
            "Exit status:",
            "  0  no scenario failed (with --baseline: every verdict is as the baseline expects)",
            "  1  a scenario failed (with --baseline: a verdict differs from the baseline)",
            "  2  bad options, profile, baseline or scenario file",
            "  3  the target cannot be reached or refuses every connection, or the harness could not",
            "     judge a scenario (ERROR) and nothing failed"})
final class CertifyCommand implements Callable<Integer> {
    private static final DateTimeFormatter DIR_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    @Spec
    private CommandSpec spec;

    @Option(names = "--target", paramLabel = "URL",
            description = "Broker to certify: tcp://host:port, or 'embedded' (the default) for the reference "
                    + "broker on a free loopback port.")
    private String target;

    @Option(names = "--mqtt", paramLabel = "VERSION", defaultValue = "all",
            description = "Protocol version(s): 3.1.1, 5 or all (default: ${DEFAULT-VALUE}).")
    private String mqtt;

    @Option(names = "--username", paramLabel = "U", description = "User name for every CONNECT that sets none.")
    private String username;

    @Option(names = "--password", paramLabel = "P", description = "Password for every CONNECT that sets none.")
    private String password;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "Capability profile YAML (capabilities the broker has, credentials); see spec-tests/SCENARIOS.md.")
    private Path profileFile;

    @Option(names = "--only", paramLabel = "PATTERN", split = ",",
            description = "Run only scenarios whose ID or statement ID matches (glob, * and ?), e.g. 'publish-*' "
                    + "or 'MQTT-3.3.*'. Repeatable; comma-separated also works.")
    private List<String> only = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Known deviations of this broker (YAML); the exit status then says whether any verdict "
                    + "differs from it.")
    private Path baselineFile;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "Where to write the reports (default: mqtt-harness-reports/<date-time>).")
    private Path reportDir;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "8",
            description = "Scenario runs at the same time (default: ${DEFAULT-VALUE}).")
    private int parallelism;

    @Option(names = "--scenarios", paramLabel = "DIR",
            description = "Extra directory of scenario YAML files, searched recursively. Repeatable.")
    private List<Path> scenarioDirs = new ArrayList<>();

    @Option(names = "--broker-name", paramLabel = "NAME",
            description = "How the reports call the broker (default: the target address).")
    private String brokerName;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (a bar on a terminal, plain lines otherwise), bar, plain or none.")
    private String progress;

    /** Scenarios run last because the baseline isolates them (empty without a baseline). */
    private List<String> isolatedRunLast = List.of();
    private List<ScenarioResult> intermittent = List.of();

    @Override
    public Integer call() throws InterruptedException {
        List<MqttVersion> versions = versions();
        CertifyProgress.Mode progressMode = progressMode();
        if (parallelism < 1 || parallelism > 256) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--parallelism': " + parallelism + " (expected 1..256)");
        }
        CertifyTarget where = CertifyTarget.parse(target);
        CapabilityProfile profile = profile(where);
        Baseline baseline = baseline();
        int plannedRuns = plannedRuns(versions);
        PrintWriter err = spec.commandLine().getErr();
        try (EmbeddedBroker embedded = where.embedded() ? EmbeddedBroker.start() : null) {
            MqttTarget mqttTarget = embedded != null ? embedded.target() : where.target();
            String name = brokerName != null ? brokerName : embedded != null
                    ? "mqtt-harness reference broker " + CliVersionProvider.version() + " (embedded)"
                    : mqttTarget.toString();
            isolatedRunLast = isolatedScenarios(mqttTarget, versions, baseline);
            if (!isolatedRunLast.isEmpty()) {
                err.println(isolatedNote(isolatedRunLast));
                err.flush();
            }
            CertificationRun run;
            try (CertifyProgress bar = new CertifyProgress(err, progressMode, plannedRuns, System::currentTimeMillis)) {
                bar.start(name);
                CertificationRequest.Builder request = CertificationRequest.builder(mqttTarget).versions(versions)
                        .profile(profile).parallelism(parallelism).listener(bar);
                only.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(request::only);
                scenarioDirs.forEach(request::scenarioDirectory);
                run = baseline == null ? new CertificationRunner().run(request.build())
                        : IsolatedScenarios.runLast(request.build(), baseline);
                if (baseline != null) {
                    run = confirmNewFailures(run, baseline, request.build(), err);
                }
            } catch (BrokerUnreachableException e) {
                throw new CliException(CertifyExitCodes.NOT_JUDGED, "cannot reach the broker: " + e.getMessage()
                        + " (is it running, and is --target right?)", e);
            } catch (ScenarioSyntaxException e) {
                throw new CliException(CertifyExitCodes.BAD_INPUT, e.getMessage(), e);
            }
            return finish(new ConformanceReport(run, name, CliVersionProvider.version(),
                    baseline == null ? null : BaselineComparison.compare(baseline, run)));
        }
    }

    /**
     * Re-runs new failures (at most {@value FailureConfirmation#MAX_CONFIRMATIONS}) alone after everything else:
     * one that passes then is INTERMITTENT, a race the parallel run provoked, and no longer fails a CI gate; one
     * that fails again stays a failure. certify cannot restart the broker, so the re-run is on the same one.
     */
    private CertificationRun confirmNewFailures(CertificationRun run, Baseline baseline,
            CertificationRequest request, PrintWriter err) throws InterruptedException {
        FailureConfirmation.Outcome confirmed = FailureConfirmation.confirm(run, baseline, ids -> {
            err.println("confirm: re-running " + ids.size() + " new failure(s) alone: " + String.join(", ", ids));
            err.flush();
            // no progress listener: the bar counted the planned runs, not these
            return new CertificationRunner().run(new CertificationRequest(request.target(), request.versions(), ids,
                    request.includeBuiltIn(), request.scenarioDirectories(), request.profile(), 1,
                    request.settings(), request.runId(), null)).scenarios();
        }, FailureConfirmation.SAME_BROKER);
        intermittent = confirmed.intermittent();
        return confirmed.run();
    }

    /**
     * The scenarios of this selection that the baseline marks {@code isolate: true}: they break the broker, which
     * certify cannot restart, so they run after all others, one at a time.
     */
    private List<String> isolatedScenarios(MqttTarget mqttTarget, List<MqttVersion> versions, Baseline baseline) {
        if (baseline == null) {
            return List.of();
        }
        CertificationRequest.Builder selection = CertificationRequest.builder(mqttTarget).versions(versions);
        only.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(selection::only);
        scenarioDirs.forEach(selection::scenarioDirectory);
        return IsolatedScenarios.selectedBy(selection.build(), baseline);
    }

    static String isolatedNote(List<String> isolated) {
        return "isolate: " + isolated.size() + " scenario(s) the baseline marks 'isolate: true' run last, one at a "
                + "time: " + String.join(", ", isolated);
    }

    private int finish(ConformanceReport report) {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = reportDir != null ? reportDir
                : Path.of("mqtt-harness-reports", LocalDateTime.now().format(DIR_TIME));
        List<Path> files;
        try {
            files = ConformanceReportFiles.writeAll(report, dir);
        } catch (IOException | RuntimeException e) {
            throw new CliException(CertifyExitCodes.NOT_JUDGED, "cannot write the reports to " + dir + ": "
                    + CliExecutionExceptionHandler.describe(e), e);
        }
        new ConsoleSummaryWriter().write(report, out);
        if (!isolatedRunLast.isEmpty()) {
            out.println();
            out.println(isolatedNote(isolatedRunLast));
        }
        for (ScenarioResult r : intermittent) {
            out.println("INTERMITTENT " + r.displayName() + ": failed in the main run, passed when re-run alone;"
                    + " the first run said: " + r.message());
        }
        out.println();
        out.println("Reports in " + dir.toAbsolutePath().normalize() + ":");
        files.forEach(f -> out.println("  " + f.getFileName()));
        out.flush();
        int exit = CertifyExitCodes.of(report);
        if (report.nothingChecked()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: the broker refused every probe connection, so nothing could be checked "
                    + "(credentials? see --username/--password or --profile)");
            err.flush();
        }
        return exit;
    }

    private List<MqttVersion> versions() {
        return switch (mqtt.trim().toLowerCase(Locale.ROOT)) {
            case "all" -> List.of(MqttVersion.MQTT_3_1_1, MqttVersion.MQTT_5);
            case "3.1.1", "4" -> List.of(MqttVersion.MQTT_3_1_1);
            case "5", "5.0" -> List.of(MqttVersion.MQTT_5);
            default -> throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--mqtt': '" + mqtt + "' (expected 3.1.1, 5 or all)");
        };
    }

    private CertifyProgress.Mode progressMode() {
        try {
            return CertifyProgress.Mode.valueOf(progress.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--progress': '" + progress + "' (expected auto, bar, plain or none)");
        }
    }

    /**
     * The profile file, with --username/--password on top. The embedded reference broker publishes $SYS topics,
     * which no CONNACK announces, so its profile says so unless the user's profile states otherwise.
     */
    private CapabilityProfile profile(CertifyTarget where) {
        CapabilityProfile file = CapabilityProfile.EMPTY;
        if (profileFile != null) {
            requireFile(profileFile, "--profile");
            try {
                file = CapabilityProfile.load(profileFile);
            } catch (IllegalArgumentException e) {
                throw new CliException(CertifyExitCodes.BAD_INPUT, e.getMessage(), e);
            }
        }
        Map<String, Boolean> caps = new LinkedHashMap<>();
        if (where.embedded()) {
            caps.put("sys-topics", true);
        }
        caps.putAll(file.capabilities());
        return new CapabilityProfile(caps, username != null ? username : file.username(),
                password != null ? password : file.password());
    }

    private Baseline baseline() {
        if (baselineFile == null) {
            return null;
        }
        requireFile(baselineFile, "--baseline");
        try {
            return Baseline.load(baselineFile);
        } catch (IllegalArgumentException e) {
            throw new CliException(CertifyExitCodes.BAD_INPUT, e.getMessage(), e);
        }
    }

    /** Loads the scenarios once up front: bad files fail before the broker starts, and the progress has a total. */
    private int plannedRuns(List<MqttVersion> versions) {
        for (Path dir : scenarioDirs) {
            if (!Files.isDirectory(dir)) {
                throw new CliException(CertifyExitCodes.BAD_INPUT, "--scenarios " + dir
                        + ": no such directory");
            }
        }
        List<String> patterns = only.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        List<Scenario> scenarios;
        try {
            scenarios = ScenarioLoader.load(true, scenarioDirs).stream()
                    .filter(s -> ScenarioSelector.selected(s, patterns)).toList();
        } catch (ScenarioSyntaxException e) {
            throw new CliException(CertifyExitCodes.BAD_INPUT, e.getMessage(), e);
        }
        int runs = (int) scenarios.stream().flatMap(s -> s.versions().stream()).filter(versions::contains).count();
        if (runs == 0) {
            throw new CliException(CertifyExitCodes.BAD_INPUT, "no scenario matches"
                    + (patterns.isEmpty() ? "" : " --only " + String.join(",", patterns))
                    + " for MQTT " + versions.stream().map(MqttVersion::displayName).toList());
        }
        return runs;
    }

    private static void requireFile(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new CliException(CertifyExitCodes.BAD_INPUT, option + " " + file + ": no such file");
        }
    }

    /** The reference broker on a free loopback port for the duration of one certification. */
    private record EmbeddedBroker(MqttBroker broker) implements AutoCloseable {
        static EmbeddedBroker start() {
            try {
                return new EmbeddedBroker(MqttBroker.startLoopback());
            } catch (RuntimeException e) {
                throw new CliException(CertifyExitCodes.NOT_JUDGED, "cannot start the embedded reference broker: "
                        + CliExecutionExceptionHandler.describe(e), e);
            }
        }

        MqttTarget target() {
            return MqttTarget.tcp("127.0.0.1", broker.port());
        }

        @Override
        public void close() {
            broker.close();
        }
    }
}
