package io.mqttharness.load.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mqttharness.load.e2e.E2eLatencyTracker;
import io.mqttharness.load.e2e.StreamCounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the machine-readable results of a run: {@code load-summary.json} (the {@link LoadResult}; times as
 * ISO-8601 strings) and {@code load-counts.json} (message counts per subscriber and per sensor, for finding which
 * stream lost or reordered messages).
 */
public final class LoadSummaryFiles {
    /** The summary's file name. */
    public static final String SUMMARY = "load-summary.json";
    /** The per-subscriber and per-sensor counts' file name. */
    public static final String COUNTS = "load-counts.json";
    /** The end-to-end latency distribution's file name. */
    public static final String HISTOGRAM = "e2e-latency.hgrm";

    private LoadSummaryFiles() {
    }

    /** The mapper that writes (and reads back) {@code load-summary.json}. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Reads a {@code load-summary.json}. */
    public static LoadResult read(Path file) throws IOException {
        return mapper().readValue(file.toFile(), LoadResult.class);
    }

    static void writeSummary(LoadResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        mapper().writeValue(dir.resolve(SUMMARY).toFile(), result);
    }

    static void writeCounts(E2eLatencyTracker tracker, Path dir) throws IOException {
        Map<String, StreamCounts> bySensor = new LinkedHashMap<>();
        tracker.sensorIds().stream().sorted().forEach(id -> bySensor.put(Integer.toString(id),
                tracker.sensorCounts(id)));
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("bySubscriber", tracker.bySubscriber());
        counts.put("bySensor", bySensor);
        mapper().writeValue(dir.resolve(COUNTS).toFile(), counts);
    }
}
