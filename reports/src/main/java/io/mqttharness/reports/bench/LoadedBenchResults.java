package io.mqttharness.reports.bench;

import java.nio.file.Path;

/**
 * A {@code bench-results.json} as read from disk: the results and the file, whose directory the relative paths
 * inside (certify report directories, summaries) are resolved against.
 *
 * @param file the JSON file
 * @param results its content
 */
public record LoadedBenchResults(Path file, BenchResults results) {

    /** The directory that relative paths inside the results are relative to. */
    public Path directory() {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent != null ? parent : file.toAbsolutePath().getRoot();
    }
}
