package io.mqttharness.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mqttharness.reports.bench.BenchResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes {@code bench-results.json}: Jackson, ISO-8601 instants, field names as in the records. */
public final class BenchResultsWriter {
    /** The file name in the bench's output directory. */
    public static final String FILE_NAME = "bench-results.json";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private BenchResultsWriter() {
    }

    /** Writes {@code results} to {@code file} atomically (a reader never sees half a file). */
    public static void write(BenchResults results, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, FILE_NAME, ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), results);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a file written by {@link #write}. */
    public static BenchResults read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), BenchResults.class);
    }
}
