package io.mqttharness.reports.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes every file report of a run into one directory: {@value #JUNIT_XML}, {@value #SUMMARY_JSON},
 * {@value #HTML}, {@value #MARKDOWN}. The console summary is printed separately by the caller.
 */
public final class ConformanceReportFiles {
    /** JUnit XML file name. */
    public static final String JUNIT_XML = "junit.xml";
    /** JSON summary file name. */
    public static final String SUMMARY_JSON = "summary.json";
    /** HTML report file name. */
    public static final String HTML = "report.html";
    /** Markdown summary file name. */
    public static final String MARKDOWN = "report.md";

    private ConformanceReportFiles() {
    }

    /**
     * Creates the directory if needed and writes the four reports into it, replacing files of an earlier run.
     *
     * @return the files written
     */
    public static List<Path> writeAll(ConformanceReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path junit = directory.resolve(JUNIT_XML);
        Path json = directory.resolve(SUMMARY_JSON);
        Path html = directory.resolve(HTML);
        Path md = directory.resolve(MARKDOWN);
        new JunitXmlWriter().write(report, junit);
        new SummaryJsonWriter().write(report, json);
        new HtmlReportWriter().write(report, html);
        new MarkdownReportWriter().write(report, md);
        return List.of(html, md, junit, json);
    }
}
