package io.mqttharness.reports.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the bench report files into a directory: {@value #HTML} and {@value #MARKDOWN}. */
public final class BenchReportWriter {
    /** The self-contained HTML page. */
    public static final String HTML = "report.html";
    /** The Markdown summary. */
    public static final String MARKDOWN = "report.md";

    private BenchReportWriter() {
    }

    /** Creates the directory if needed and writes both files, replacing older ones; returns them. */
    public static List<Path> write(BenchReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path html = directory.resolve(HTML);
        Path md = directory.resolve(MARKDOWN);
        Files.writeString(html, BenchHtmlPage.render(report), StandardCharsets.UTF_8);
        Files.writeString(md, BenchMarkdownWriter.render(report), StandardCharsets.UTF_8);
        return List.of(html, md);
    }
}
