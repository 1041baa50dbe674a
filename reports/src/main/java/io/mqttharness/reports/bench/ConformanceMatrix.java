package io.mqttharness.reports.bench;

import java.util.List;

/**
 * Statement x broker verdicts, grouped by specification section: the conformance matrix of the report.
 *
 * @param brokers broker names, the column order of every row's cells
 * @param sections sections in specification order (MQTT 3.1.1 first, then 5.0)
 */
public record ConformanceMatrix(List<String> brokers, List<Section> sections) {

    /** Rows over all sections. */
    public int rowCount() {
        return sections.stream().mapToInt(s -> s.rows().size()).sum();
    }

    /**
     * One section of one protocol version.
     *
     * @param version {@code 3.1.1}, {@code 5}, or {@code ""} when the bench gave no version
     * @param number section number, e.g. {@code 3.3}
     * @param title section title, e.g. {@code PUBLISH}
     * @param rows the statements of the section that any broker has a verdict for
     */
    public record Section(String version, String number, String title, List<Row> rows) {
    }

    /**
     * One statement.
     *
     * @param id statement ID
     * @param version as in its section
     * @param level MUST, SHOULD, ... from the statement catalogue, or {@code ""}
     * @param summary what it checks, from the catalogue, or {@code ""}
     * @param cells one per broker, in {@link ConformanceMatrix#brokers()} order
     * @param differs whether the brokers with a verdict do not all have the same one
     */
    public record Row(String id, String version, String level, String summary, List<Cell> cells,
            boolean differs) {
    }

    /**
     * One broker's verdict on a statement.
     *
     * @param verdict verdict name, or null when the broker has none (not certified, or not in its results)
     * @param link relative URL of the packet trace of the failure, or null
     */
    public record Cell(String verdict, String link) {
    }
}
