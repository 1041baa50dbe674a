package io.mqttharness.reports.bench;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.reports.bench.ConformanceMatrix.Cell;
import io.mqttharness.reports.bench.ConformanceMatrix.Row;
import io.mqttharness.reports.bench.ConformanceMatrix.Section;
import io.mqttharness.spec.statement.Statement;
import io.mqttharness.spec.statement.StatementCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Builds the {@link ConformanceMatrix} from the brokers' verdicts: one row per statement that any broker has a
 * verdict for, grouped by version and section, with level and summary from the statement catalogue.
 */
final class ConformanceMatrixBuilder {
    private final StatementCatalog v3 = StatementCatalog.load(MqttVersion.MQTT_3_1_1);
    private final StatementCatalog v5 = StatementCatalog.load(MqttVersion.MQTT_5);

    /**
     * @param brokers broker name -> its conformance, or null for a broker without certification results; the
     *     map's order is the column order
     */
    ConformanceMatrix build(Map<String, BrokerConformance> brokers) {
        TreeSet<StatementKey> keys = new TreeSet<>(StatementKey.ORDER);
        brokers.values().stream().filter(Objects::nonNull).forEach(c -> keys.addAll(c.verdicts().keySet()));
        Map<String, List<Row>> bySection = new LinkedHashMap<>();
        Map<String, String[]> sectionInfo = new LinkedHashMap<>();
        List<StatementKey> ordered = new ArrayList<>(keys);
        ordered.sort((a, b) -> {
            int c = a.version().compareTo(b.version());
            if (c != 0) {
                return c;
            }
            c = SpecSections.compare(a.section(), b.section());
            return c != 0 ? c : StatementKey.ORDER.compare(a, b);
        });
        for (StatementKey key : ordered) {
            List<Cell> cells = new ArrayList<>();
            for (BrokerConformance c : brokers.values()) {
                cells.add(c == null ? new Cell(null, null) : new Cell(c.verdicts().get(key), c.links().get(key)));
            }
            Statement statement = statement(key);
            String sectionKey = key.version() + "|" + key.section();
            sectionInfo.putIfAbsent(sectionKey, new String[] {key.version(), key.section()});
            bySection.computeIfAbsent(sectionKey, k -> new ArrayList<>()).add(new Row(key.id(), key.version(),
                    statement == null ? "" : statement.level(), statement == null ? "" : statement.summary(), cells,
                    differs(cells)));
        }
        List<Section> sections = new ArrayList<>();
        bySection.forEach((k, rows) -> {
            String[] info = sectionInfo.get(k);
            sections.add(new Section(info[0], info[1], SpecSections.title(info[1], info[0]), List.copyOf(rows)));
        });
        return new ConformanceMatrix(List.copyOf(brokers.keySet()), List.copyOf(sections));
    }

    private Statement statement(StatementKey key) {
        if ("3.1.1".equals(key.version())) {
            return v3.get(key.id());
        }
        Statement s = v5.get(key.id());
        return s != null || "5".equals(key.version()) ? s : v3.get(key.id());
    }

    /** Brokers that were not certified or have no verdict for the statement do not make a difference. */
    static boolean differs(List<Cell> cells) {
        return cells.stream().map(Cell::verdict).filter(Objects::nonNull).distinct().count() > 1;
    }
}
