package io.mqttharness.brokers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temp directories of started brokers and the {@code java} to run Java brokers with. */
final class BrokerFiles {
    private BrokerFiles() {
    }

    static Path tempDir(String broker) {
        try {
            return Files.createTempDirectory("mqtt-harness-" + broker.replaceAll("[^A-Za-z0-9.-]", "_") + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a broker's temp directory; what cannot be deleted stays (it is under java.io.tmpdir). */
    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** The {@code java} of the running JDK (source-file mode needs a JDK, which a Maven user has anyway). */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
