package io.mqttharness.cli.load;

import io.mqttharness.load.run.LoadAssertion;
import io.mqttharness.load.run.LoadResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The summary table of a load run on stdout: messages, rates, end-to-end latency, requests, errors, assertions. */
final class LoadSummaryPrinter {
    private static final int MAX_ERRORS = 10;

    private LoadSummaryPrinter() {
    }

    static void print(PrintWriter out, LoadResult r, List<LoadAssertion.Outcome> outcomes, Path reportDir) {
        out.printf(Locale.ROOT, "%s against %s, MQTT %s, QoS %d: %.1f s%n", r.scenario(), r.target(),
                r.mqttVersion(), r.qos(), r.elapsed().toMillis() / 1000.0);
        LoadResult.MessageCounts m = r.messages();
        out.printf(Locale.ROOT, "  messages   published %d  received %d  lost %d  duplicates %d  out of order %d"
                + "  overruns %d%n", m.published(), m.received(), m.lost(), m.duplicates(), m.outOfOrder(),
                r.overruns());
        out.printf(Locale.ROOT, "  rate       offered %.1f msg/s  achieved %.1f msg/s  connections %d  "
                + "injector CPU %.1f s%s%n", r.offeredRate(), r.achievedRate(), r.connectionsReached(),
                r.injectorCpuSeconds(), r.hostStealPercent() == null ? ""
                        : String.format(Locale.ROOT, "  host CPU steal %.1f %%", r.hostStealPercent()));
        LoadResult.LatencyMicros e = r.endToEnd();
        if (e.count() > 0) {
            out.printf(Locale.ROOT, "  e2e (us)   p50 %d  p90 %d  p99 %d  p99.9 %d  p99.99 %d  max %d  (%d samples)%n",
                    e.p50(), e.p90(), e.p99(), e.p999(), e.p9999(), e.max(), e.count());
        }
        out.println();
        out.printf(Locale.ROOT, "  %-26s %10s %8s %8s %8s %8s%n", "request", "ok", "ko", "p50 ms", "p99 ms",
                "max ms");
        for (Map.Entry<String, LoadResult.RequestStats> entry : r.requests().entrySet()) {
            LoadResult.RequestStats s = entry.getValue();
            out.printf(Locale.ROOT, "  %-26s %10d %8d %8d %8d %8d%n", entry.getKey(), s.ok(), s.ko(), s.p50Millis(),
                    s.p99Millis(), s.maxMillis());
        }
        if (!r.errors().isEmpty()) {
            out.println();
            out.println("  errors:");
            r.errors().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(MAX_ERRORS)
                    .forEach(err -> out.printf(Locale.ROOT, "  %8d  %s%n", err.getValue(), err.getKey()));
            if (r.errors().size() > MAX_ERRORS) {
                out.println("  ... " + (r.errors().size() - MAX_ERRORS) + " more in load-summary.json");
            }
        }
        if (!outcomes.isEmpty()) {
            out.println();
            out.println("  assertions:");
            for (LoadAssertion.Outcome o : outcomes) {
                out.println("  " + (o.passed() ? "PASS  " : "FAIL  ") + o.describe());
            }
        }
        out.println();
        out.println("Reports in " + reportDir + ":");
        out.println("  load-summary.json, load-counts.json, e2e-latency.hgrm");
        if (r.gatlingReport() != null) {
            out.println("  " + reportDir.relativize(r.gatlingReport().resolve("index.html")) + " (Gatling)");
        }
        out.flush();
    }
}
