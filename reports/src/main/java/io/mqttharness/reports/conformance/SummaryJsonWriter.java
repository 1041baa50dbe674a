package io.mqttharness.reports.conformance;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import io.mqttharness.spec.baseline.BaselineComparison;
import io.mqttharness.spec.baseline.BaselineFinding;
import io.mqttharness.spec.capability.BrokerCapabilities;
import io.mqttharness.spec.statement.StatementResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code summary.json}: the machine-readable summary of a run, for dashboards and scripts. Top-level keys:
 * {@code harness} (name, version), {@code runId}, {@code startedAt}, {@code durationMillis}, {@code result},
 * {@code broker} (name, target, capabilities per version), {@code scenarios} (total, counts per verdict, counts per
 * version and verdict), {@code coverage} (per version: covered, serverTestable, percent), {@code statementCounts}
 * (per version and verdict), {@code statements} (one verdict per statement and version), {@code problems} (every
 * FAILED, ERROR and OBSERVATION scenario result with its message) and, with a baseline, {@code baseline}. Counts
 * list every verdict, with 0 where there is none, so consumers need no defaults.
 */
public final class SummaryJsonWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes {@code file}, replacing it. */
    public void write(ConformanceReport report, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(report, out);
        }
    }

    /** Writes the JSON document (UTF-8) to the stream; does not close it. */
    public void write(ConformanceReport report, OutputStream out) throws IOException {
        JSON.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, toJson(report));
    }

    /** The summary as a JSON tree. */
    public ObjectNode toJson(ConformanceReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("harness").put("name", "mqtt-harness").put("version", report.harnessVersion());
        root.put("runId", report.run().runId());
        root.put("startedAt", report.run().startedAt().toString());
        root.put("durationMillis", report.run().durationMillis());
        root.put("result", report.resultLabel());
        root.set("broker", broker(report));
        root.set("scenarios", scenarios(report));
        ObjectNode coverage = root.putObject("coverage");
        ObjectNode statementCounts = root.putObject("statementCounts");
        for (MqttVersion v : report.versions()) {
            VersionSummary s = report.summary(v);
            coverage.putObject(v.displayName()).put("covered", s.covered()).put("serverTestable", s.serverTestable())
                    .put("percent", s.coveragePercent());
            statementCounts.set(v.displayName(), counts(s.statementCounts()));
        }
        ArrayNode statements = root.putArray("statements");
        for (StatementResult s : report.run().statements()) {
            ObjectNode node = statements.addObject();
            node.put("id", s.statement().id()).put("version", s.version().displayName())
                    .put("level", s.statement().level()).put("class", s.statement().testClass())
                    .put("verdict", s.verdict().name());
            s.scenarios().forEach(node.putArray("scenarios")::add);
        }
        ArrayNode problems = root.putArray("problems");
        for (ScenarioResult r : report.run().scenarios()) {
            if (r.verdict() == Verdict.FAILED || r.verdict() == Verdict.ERROR || r.verdict() == Verdict.OBSERVATION) {
                ObjectNode node = problems.addObject();
                node.put("scenario", r.scenarioId()).put("version", r.version().displayName())
                        .put("verdict", r.verdict().name()).put("message", r.message()).put("source", r.source());
                r.statements().forEach(node.putArray("statements")::add);
                r.observations().forEach(node.putArray("observations")::add);
            }
        }
        if (report.baseline() != null) {
            root.set("baseline", baseline(report.baseline()));
        }
        return root;
    }

    private static ObjectNode broker(ConformanceReport report) {
        ObjectNode broker = JSON.createObjectNode();
        broker.put("name", report.brokerName()).put("target", report.run().target().toString());
        ObjectNode caps = broker.putObject("capabilities");
        for (MqttVersion v : report.versions()) {
            BrokerCapabilities c = report.run().capabilities().get(v);
            if (c == null) {
                continue;
            }
            ObjectNode node = caps.putObject(v.displayName());
            node.put("accepted", c.accepted());
            node.put("refusal", c.refusal());
            ObjectNode flags = node.putObject("flags");
            c.sortedFlags().forEach(flags::put);
            ObjectNode sources = node.putObject("sources");
            new TreeMap<>(c.sources()).forEach(sources::put);
            ObjectNode limits = node.putObject("limits");
            new TreeMap<>(c.limits()).forEach(limits::put);
        }
        return broker;
    }

    private static ObjectNode scenarios(ConformanceReport report) {
        ObjectNode node = JSON.createObjectNode();
        node.put("total", report.run().scenarios().size());
        Map<Verdict, Integer> total = new TreeMap<>();
        ObjectNode byVersion = JSON.createObjectNode();
        for (MqttVersion v : report.versions()) {
            VersionSummary s = report.summary(v);
            byVersion.set(v.displayName(), counts(s.scenarioCounts()));
            s.scenarioCounts().forEach((verdict, n) -> total.merge(verdict, n, Integer::sum));
        }
        node.set("counts", counts(total));
        node.set("byVersion", byVersion);
        return node;
    }

    private static ObjectNode counts(Map<Verdict, Integer> counts) {
        ObjectNode node = JSON.createObjectNode();
        for (Verdict v : Verdict.values()) {
            if (counts.containsKey(v)) {
                node.put(v.name(), counts.get(v));
            }
        }
        return node;
    }

    private static ObjectNode baseline(BaselineComparison comparison) {
        ObjectNode node = JSON.createObjectNode();
        node.put("source", comparison.baseline().source()).put("broker", comparison.baseline().broker())
                .put("matches", comparison.matches());
        ArrayNode findings = node.putArray("findings");
        for (BaselineFinding f : comparison.findings()) {
            ObjectNode n = findings.addObject();
            n.put("kind", f.kind().name()).put("differs", f.differs()).put("scenario", f.scenarioId())
                    .put("version", f.version().displayName())
                    .put("actual", f.actual() == null ? null : f.actual().name()).put("detail", f.detail());
            f.statements().forEach(n.putArray("statements")::add);
            // empty: the baseline expects no deviation (PASSED, OBSERVATION or NOT_APPLICABLE)
            f.expected().stream().sorted().map(Verdict::name).forEach(n.putArray("expected")::add);
        }
        return node;
    }
}
