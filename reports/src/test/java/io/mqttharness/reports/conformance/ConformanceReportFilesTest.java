package io.mqttharness.reports.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceReportFilesTest {

    @Test
    void writes_the_four_reports_into_a_new_directory(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("a/b");

        List<Path> files = ConformanceReportFiles.writeAll(ReportFixtures.report(), dir);

        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("report.html", "report.md", "junit.xml", "summary.json");
        for (Path f : files) {
            assertThat(f).isRegularFile().startsWith(dir);
            assertThat(Files.size(f)).isPositive();
        }
    }
}
