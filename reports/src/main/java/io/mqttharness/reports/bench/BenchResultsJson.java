package io.mqttharness.reports.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes {@code bench-results.json}. Reading is lenient about fields it does not know (a newer bench
 * may add some) but strict about the file being JSON of the expected shape and schema version.
 */
public final class BenchResultsJson {
    /** The only schema version this reader understands. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private BenchResultsJson() {
    }

    /** Reads and checks one file. */
    public static LoadedBenchResults read(Path file) throws BenchInputException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BenchInputException("cannot read " + file + ": no such file", e);
        } catch (IOException e) {
            throw new BenchInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        BenchResults results;
        try {
            results = MAPPER.readValue(bytes, BenchResults.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new BenchInputException(file + " is not a valid bench-results.json: "
                    + firstLine(e.getOriginalMessage()) + where, e);
        } catch (IOException e) {
            throw new BenchInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (results == null) {
            throw new BenchInputException(file + " is not a valid bench-results.json: it is empty or null");
        }
        if (results.schemaVersion() != SCHEMA_VERSION) {
            throw new BenchInputException(file + " has schemaVersion " + results.schemaVersion()
                    + "; this mqtt-harness reads schemaVersion " + SCHEMA_VERSION);
        }
        if (results.brokers() == null) {
            throw new BenchInputException(file + " is not a valid bench-results.json: it has no \"brokers\" list");
        }
        for (BenchResults.BrokerRun broker : results.brokers()) {
            if (broker == null || broker.name() == null || broker.name().isBlank() || broker.status() == null) {
                throw new BenchInputException(file + " is not a valid bench-results.json: "
                        + "every broker needs a \"name\" and a \"status\"");
            }
        }
        return new LoadedBenchResults(file, results);
    }

    /** Writes results as pretty-printed JSON (used by tests and by tools that produce bench results). */
    public static void write(BenchResults results, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), results);
    }

    /** The mapper, configured for this format. */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed content";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
