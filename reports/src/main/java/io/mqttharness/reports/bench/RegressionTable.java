package io.mqttharness.reports.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The regression gate's console output: a fixed-width table of regressions, the notes, and a verdict line. */
public final class RegressionTable {
    private static final String[] HEADER = {"broker", "kind", "step / statement", "baseline", "current", "change"};

    private RegressionTable() {
    }

    public static String render(BenchComparison.Result result, RegressionThresholds thresholds) {
        StringBuilder out = new StringBuilder();
        if (!result.regressions().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(HEADER);
            for (Regression r : result.regressions()) {
                rows.add(new String[] {r.broker(), r.kind().name().toLowerCase(Locale.ROOT), r.item(),
                        r.baseline(), r.current(), r.change()});
            }
            int[] width = new int[HEADER.length];
            rows.forEach(row -> {
                for (int i = 0; i < row.length; i++) {
                    width[i] = Math.max(width[i], row[i].length());
                }
            });
            for (int r = 0; r < rows.size(); r++) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < HEADER.length; i++) {
                    line.append(i == 0 ? "" : "  ").append(pad(rows.get(r)[i], width[i]));
                }
                out.append(line.toString().stripTrailing()).append('\n');
                if (r == 0) {
                    int total = 0;
                    for (int w : width) {
                        total += w;
                    }
                    out.append("-".repeat(total + 2 * (width.length - 1))).append('\n');
                }
            }
            out.append('\n');
        }
        result.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
        if (!result.notes().isEmpty()) {
            out.append('\n');
        }
        out.append(result.passed() ? "OK: no regression" : "REGRESSION: " + result.regressions().size()
                + " regression(s)").append(" (").append(result.stepsCompared()).append(" rate steps, ")
                .append(result.statementsCompared()).append(" statements compared; limits: throughput drop ")
                .append(RegressionThresholds.format(thresholds.maxThroughputDrop())).append(", p99 rise ")
                .append(RegressionThresholds.format(thresholds.maxP99Rise())).append(")\n");
        return out.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
