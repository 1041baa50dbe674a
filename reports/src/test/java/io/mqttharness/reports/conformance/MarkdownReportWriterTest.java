package io.mqttharness.reports.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportWriterTest {
    private final String md = new MarkdownReportWriter().render(ReportFixtures.report());

    @Test
    void every_table_row_has_as_many_cells_as_its_header() {
        List<List<String>> tables = tables(md);
        assertThat(tables).hasSizeGreaterThanOrEqualTo(4);
        for (List<String> table : tables) {
            int columns = cells(table.get(0));
            assertThat(table.get(1)).matches("\\|(\\s*-+:?\\s*\\|)+");
            for (String row : table) {
                assertThat(cells(row)).as("cells of %s", row).isEqualTo(columns);
            }
        }
    }

    @Test
    void summary_table_has_counts_and_coverage_per_version() {
        assertThat(md).contains("| Version | Scenario runs | Passed | Failed | Error | Observation | N/A | "
                + "Statements covered |")
                .contains("| MQTT 3.1.1 | 2 | 1 | 0 | 1 | 0 | 0 | 2 / 3 (66.7%) |")
                .contains("| MQTT 5 | 4 | 1 | 1 | 0 | 1 | 1 | 4 / 5 (80.0%) |");
    }

    @Test
    void failures_are_listed_with_statement_and_expectation_on_one_line() {
        assertThat(md).contains("## Failures (1)")
                .contains("| 5 | `publish-qos3` | MQTT-3.3.1-4 | step 3 expect_closed: expected the broker to close "
                        + "the connection but received PUBACK {packet_id=1, reason_code=0} |");
        assertThat(md).contains("## Errors (the harness could not judge) (1)");
        assertThat(md).contains("**FAILED**");
    }

    @Test
    void escapes_pipes_and_markup_in_cells() {
        assertThat(MarkdownReportWriter.cell("a | b <c>")).isEqualTo("a \\| b &lt;c>");
        assertThat(md).contains("# MQTT conformance report: Test broker &lt;1.0>");
    }

    /** Consecutive lines starting with '|'. */
    private static List<List<String>> tables(String text) {
        List<List<String>> tables = new ArrayList<>();
        List<String> current = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("|")) {
                if (current == null) {
                    current = new ArrayList<>();
                    tables.add(current);
                }
                current.add(line);
            } else {
                current = null;
            }
        }
        return tables;
    }

    /** Cells of a row: unescaped pipes minus one. */
    private static int cells(String row) {
        int pipes = 0;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == '\\') {
                i++;
            } else if (row.charAt(i) == '|') {
                pipes++;
            }
        }
        return pipes - 1;
    }
}
