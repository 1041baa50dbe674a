package io.mqttharness.spec.thirdparty;

import io.mqttharness.brokers.RunningBroker;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.CertificationRun;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import io.mqttharness.spec.baseline.BaselineComparison;
import io.mqttharness.spec.statement.StatementResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The triage report of a third-party certification, {@code target/certification/<name>.txt}: counts per version,
 * capabilities, the baseline diff, the packet trace of every FAILED, ERROR and OBSERVATION scenario and the
 * reasons of NOT_APPLICABLE ones; the broker logs are kept beside it (the fixtures delete their directories).
 */
final class CertificationReport {
    private static final Path DIR = Path.of("target", "certification");

    private final String name;
    private String description = "";
    private String target = "";
    private final StringBuilder logs = new StringBuilder();
    private final List<ScenarioResult> intermittent = new ArrayList<>();

    CertificationReport(String name) {
        this.name = name;
    }

    void broker(RunningBroker broker) {
        description = broker.description();
        target = broker.address().toString();
    }

    String description() {
        return description;
    }

    /** Copies the broker's log next to the report before the fixture deletes it. */
    void keepLog(RunningBroker broker, String suffix) {
        try {
            Files.createDirectories(DIR);
            Path copy = DIR.resolve(name + suffix + ".log");
            Files.copy(broker.logFile(), copy, StandardCopyOption.REPLACE_EXISTING);
            logs.append("broker log: ").append(copy.toAbsolutePath()).append('\n');
        } catch (IOException e) {
            logs.append("broker log lost: ").append(e.getMessage()).append('\n');
        }
    }

    /** A scenario that failed in the main run and passed when re-run alone; its first trace goes in the report. */
    void intermittent(ScenarioResult firstRun) {
        intermittent.add(firstRun);
    }

    /** Writes the report; returns its path for messages. */
    String write(CertificationRun run, BaselineComparison comparison, List<String> isolated) {
        StringBuilder sb = new StringBuilder();
        sb.append("certification of ").append(description).append(" at ").append(target).append(" in ")
                .append(run.durationMillis()).append(" ms (main run)\n");
        if (!isolated.isEmpty()) {
            sb.append("run on fresh broker instances (isolate: true in the baseline): ").append(isolated).append('\n');
        }
        sb.append('\n').append(counts(run)).append('\n');
        run.capabilities().values().stream().sorted((a, b) -> a.version().compareTo(b.version()))
                .forEach(c -> sb.append("capabilities ").append(c.version().displayName()).append(": accepted=")
                        .append(c.accepted()).append(c.refusal() == null ? "" : " (" + c.refusal() + ")")
                        .append(' ').append(c.sortedFlags()).append(' ').append(c.limits()).append('\n'));
        sb.append('\n').append(comparison.render()).append('\n').append(intermittentSummary()).append(logs);
        for (ScenarioResult r : intermittent) {
            sb.append("\n==== INTERMITTENT (first run) ").append(r.verdict()).append(' ').append(r.displayName())
                    .append('\n').append(r.message() == null ? "" : r.message()).append('\n').append(r.renderTrace());
        }
        for (ScenarioResult r : run.scenarios()) {
            if (r.verdict() == Verdict.FAILED || r.verdict() == Verdict.ERROR || r.verdict() == Verdict.OBSERVATION) {
                sb.append("\n==== ").append(r.verdict()).append(' ').append(r.displayName()).append(' ')
                        .append(r.statements()).append(" (").append(r.source()).append(")\n")
                        .append(r.message() == null ? "" : r.message())
                        .append(r.observations().isEmpty() ? "" : "\nobservations: " + r.observations())
                        .append('\n').append(r.renderTrace());
            }
        }
        sb.append("\n==== NOT_APPLICABLE\n");
        run.scenarios().stream().filter(r -> r.verdict() == Verdict.NOT_APPLICABLE)
                .forEach(r -> sb.append(r.displayName()).append(": ").append(r.message()).append('\n'));
        try {
            Files.createDirectories(DIR);
            Path file = DIR.resolve(name + ".txt");
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
            System.out.println(description + ":\n" + counts(run) + comparison.render() + intermittentSummary());
            return file.toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String intermittentSummary() {
        StringBuilder sb = new StringBuilder();
        for (ScenarioResult r : intermittent) {
            sb.append("INTERMITTENT ").append(r.displayName())
                    .append(": failed in the parallel run, passed when re-run alone on a fresh instance: ")
                    .append(r.message()).append('\n');
        }
        return sb.toString();
    }

    /** Scenario and statement verdict counts per version. */
    static String counts(CertificationRun run) {
        StringBuilder sb = new StringBuilder();
        for (MqttVersion v : run.capabilities().keySet().stream().sorted().toList()) {
            Map<Verdict, Integer> scenarios = new EnumMap<>(Verdict.class);
            run.scenarios().stream().filter(r -> r.version() == v)
                    .forEach(r -> scenarios.merge(r.verdict(), 1, Integer::sum));
            Map<Verdict, Integer> statements = new EnumMap<>(Verdict.class);
            run.statements().stream().filter(s -> s.version() == v).map(StatementResult::verdict)
                    .forEach(verdict -> statements.merge(verdict, 1, Integer::sum));
            sb.append("MQTT ").append(v.displayName()).append(": scenarios ").append(scenarios)
                    .append(", statements ").append(statements).append('\n');
        }
        return sb.toString();
    }
}
