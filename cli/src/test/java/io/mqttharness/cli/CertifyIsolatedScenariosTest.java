package io.mqttharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqttharness.spec.baseline.IsolatedScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code certify --baseline} with entries marked {@code isolate: true}: run last, one at a time, and said so. */
class CertifyIsolatedScenariosTest {
    @TempDir
    Path tmp;

    @Test
    void certify_runs_isolated_baseline_scenarios_last_and_reports_it() throws Exception {
        Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
        Files.writeString(scenarios.resolve("breaker.yaml"), """
                id: zz-breaker
                title: Expects a refused SUBACK where the broker grants it (fails on purpose)
                versions: [3.1.1, 5]
                statements: [MQTT-3.8.4-1]
                clients: [c]
                steps:
                  - connect: {client: c}
                  - send: {client: c, packet: SUBSCRIBE, packet_id: 7, subscriptions: [{filter: "${topic}/x", qos: 0}]}
                  - expect: {client: c, packet: SUBACK, packet_id: 7, reason_codes: [0x80]}
                  - disconnect: c
                """);
        Path baseline = tmp.resolve("baseline.yaml");
        Files.writeString(baseline, """
                broker: reference (test)
                deviations:
                  - scenario: zz-breaker
                    statement: MQTT-3.8.4-1
                    reason: stands for a scenario that breaks the broker
                    isolate: true
                """);
        Path reports = tmp.resolve("reports");

        CliRun run = CliRun.run("certify", "--only", "ping,zz-*", "--scenarios", scenarios.toString(),
                "--baseline", baseline.toString(), "--report-dir", reports.toString(), "--progress", "plain");

        assertThat(run.exitCode).as(run.toString()).isZero();
        String note = "isolate: 1 scenario(s) the baseline marks 'isolate: true' run last, one at a time: zz-breaker";
        assertThat(run.err).contains(note);
        assertThat(run.out).contains(note);
        JsonNode summary = new ObjectMapper().readTree(reports.resolve("summary.json").toFile());
        assertThat(summary.toString()).contains(IsolatedScenarios.RUN_LAST_NOTE);
        assertThat(Files.readString(reports.resolve("report.html"))).contains(IsolatedScenarios.RUN_LAST_NOTE);
    }
}
