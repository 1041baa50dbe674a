package io.mqttharness.reports.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mqttharness.reports.bench.BenchResults.ConnectionRamp;
import io.mqttharness.reports.bench.BenchResults.RatePoint;
import io.mqttharness.reports.bench.BenchResults.ResourceSample;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The ECharts options of the performance charts: achieved vs offered rate per workload and QoS, the latency
 * percentile distribution per broker, broker CPU and memory over time, and connections reached.
 */
final class ChartOptions {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MIB = 1024.0 * 1024.0;

    private ChartOptions() {
    }

    static List<ChartSpec> all(List<ReportBroker> brokers) {
        List<ChartSpec> charts = new ArrayList<>();
        charts.addAll(rateCharts(brokers));
        charts.addAll(latencyCharts(brokers));
        if (brokers.stream().anyMatch(b -> !b.resources().isEmpty())) {
            charts.add(resourceChart(brokers, "cpu", "Broker CPU over time", "% of one core",
                    ResourceSample::cpuPercent, "@fmt:percent"));
            charts.add(resourceChart(brokers, "rss", "Broker memory (RSS) over time", "MiB",
                    s -> s.rssBytes() / MIB, "@fmt:mib"));
        }
        if (brokers.stream().anyMatch(b -> b.run().connectionRamp() != null)) {
            charts.add(connectionsChart(brokers));
        }
        return charts;
    }

    /** One chart per workload and QoS: a line per broker, and the ideal achieved = offered. */
    static List<ChartSpec> rateCharts(List<ReportBroker> brokers) {
        Set<String> combos = new LinkedHashSet<>();
        brokers.forEach(b -> b.sweep().forEach(p -> combos.add(p.workload() + "\u0000" + p.qos())));
        List<ChartSpec> charts = new ArrayList<>();
        int n = 0;
        for (String combo : combos) {
            String workload = combo.substring(0, combo.indexOf('\u0000'));
            int qos = Integer.parseInt(combo.substring(combo.indexOf('\u0000') + 1));
            ObjectNode option = base("offered msg/s", "value", "achieved msg/s", "value");
            option.putObject("tooltip").put("trigger", "axis").put("valueFormatter", "@fmt:rate");
            ArrayNode series = option.putArray("series");
            double maxOffered = 0;
            for (ReportBroker b : brokers) {
                List<RatePoint> points = b.sweep().stream()
                        .filter(p -> workload.equals(p.workload()) && p.qos() == qos)
                        .sorted((x, y) -> Double.compare(x.offeredRate(), y.offeredRate())).toList();
                if (points.isEmpty()) {
                    continue;
                }
                ArrayNode data = line(series, b.name()).putArray("data");
                for (RatePoint p : points) {
                    data.addArray().add(round(p.offeredRate())).add(round(p.achievedRate()));
                    maxOffered = Math.max(maxOffered, p.offeredRate());
                }
            }
            ObjectNode ideal = line(series, "offered (ideal)");
            ideal.put("symbol", "none").put("color", "#9aa5b1");
            ideal.putObject("lineStyle").put("type", "dashed").put("width", 1);
            ideal.putArray("data").add(JSON.createArrayNode().add(0).add(0))
                    .add(JSON.createArrayNode().add(round(maxOffered)).add(round(maxOffered)));
            charts.add(new ChartSpec("rate-" + (++n), "rate",
                    "Achieved vs offered rate: " + workload + ", QoS " + qos, option));
        }
        return charts;
    }

    /** One chart per broker that has a sweep: a line per step, percentile on a log "1 in N" axis. */
    static List<ChartSpec> latencyCharts(List<ReportBroker> brokers) {
        List<ChartSpec> charts = new ArrayList<>();
        int n = 0;
        for (ReportBroker b : brokers) {
            if (b.sweep().isEmpty()) {
                continue;
            }
            ObjectNode option = base("percentile", "log", "latency (ms)", "log");
            ObjectNode x = (ObjectNode) option.get("xAxis");
            x.put("min", 1).putObject("axisLabel").put("formatter", "@fmt:percentile");
            option.putObject("tooltip").put("trigger", "item").put("formatter", "@fmt:latencyTip");
            ((ObjectNode) option.get("legend")).put("type", "scroll");
            ArrayNode series = option.putArray("series");
            double maxX = 10;
            for (RatePoint p : b.sweep()) {
                ObjectNode s = line(series, String.format(Locale.ROOT, "%s QoS %d @ %s/s", p.workload(), p.qos(),
                        compactRate(p.offeredRate())));
                s.put("showSymbol", false).put("step", "end");
                ArrayNode data = s.putArray("data");
                for (LatencyDistribution.Point point : LatencyDistribution.of(p)) {
                    // a log axis cannot show 0: values below 1 µs are drawn at 1 µs
                    data.addArray().add(round(point.inverseTail())).add(Math.max(point.micros(), 1) / 1000.0);
                    maxX = Math.max(maxX, point.inverseTail());
                }
            }
            x.put("max", Math.pow(10, Math.ceil(Math.log10(maxX))));
            charts.add(new ChartSpec("latency-" + (++n), "latency", "Latency distribution: " + b.name(), option));
        }
        return charts;
    }

    static ChartSpec resourceChart(List<ReportBroker> brokers, String id, String title, String unit,
            ToDoubleFunction<ResourceSample> value, String formatter) {
        ObjectNode option = base("seconds since broker start", "value", unit, "value");
        option.putObject("tooltip").put("trigger", "axis").put("valueFormatter", formatter);
        ArrayNode series = option.putArray("series");
        for (ReportBroker b : brokers) {
            if (b.resources().isEmpty()) {
                continue;
            }
            ObjectNode s = line(series, b.name());
            s.put("showSymbol", false);
            ArrayNode data = s.putArray("data");
            for (ResourceSample r : b.resources()) {
                data.addArray().add(r.elapsedMillis() / 1000.0).add(round(value.applyAsDouble(r)));
            }
        }
        return new ChartSpec(id, "resources", title, option);
    }

    static ChartSpec connectionsChart(List<ReportBroker> brokers) {
        ObjectNode option = base("", "category", "connections", "value");
        option.putObject("tooltip").put("trigger", "axis");
        ArrayNode names = ((ObjectNode) option.get("xAxis")).putArray("data");
        ArrayNode series = option.putArray("series");
        ObjectNode reached = series.addObject().put("type", "bar").put("name", "reached");
        ObjectNode target = series.addObject().put("type", "bar").put("name", "target");
        target.put("color", "#cbd2d9");
        ArrayNode reachedData = reached.putArray("data");
        ArrayNode targetData = target.putArray("data");
        for (ReportBroker b : brokers) {
            ConnectionRamp ramp = b.run().connectionRamp();
            if (ramp == null) {
                continue;
            }
            names.add(b.name());
            reachedData.add(ramp.reached());
            targetData.add(ramp.target());
        }
        return new ChartSpec("connections", "connections", "Connections reached", option);
    }

    private static ObjectNode base(String xName, String xType, String yName, String yType) {
        ObjectNode option = JSON.createObjectNode();
        option.put("animation", false);
        option.putObject("grid").put("left", 64).put("right", 24).put("top", 56).put("bottom", 48);
        option.putObject("legend").put("top", 0);
        ObjectNode x = option.putObject("xAxis").put("type", xType).put("name", xName)
                .put("nameLocation", "middle").put("nameGap", 28);
        if ("value".equals(xType)) {
            x.put("scale", false);
        }
        option.putObject("yAxis").put("type", yType).put("name", yName);
        return option;
    }

    private static ObjectNode line(ArrayNode series, String name) {
        return series.addObject().put("type", "line").put("name", name);
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    /** 2000 -> "2k", 1500 -> "1.5k", 250 -> "250". */
    static String compactRate(double rate) {
        if (rate >= 1000) {
            double k = rate / 1000.0;
            return (k == Math.rint(k) ? String.valueOf((long) k) : String.format(Locale.ROOT, "%.1f", k)) + "k";
        }
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.format(Locale.ROOT, "%.1f", rate);
    }
}
