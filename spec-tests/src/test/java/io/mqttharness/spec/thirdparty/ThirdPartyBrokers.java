package io.mqttharness.spec.thirdparty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Shared plumbing of the broker fixtures: free-port retries, temp directories, and where the build put the
 * isolated classpaths and launchers of the Java brokers (system properties set by spec-tests/pom.xml, with
 * defaults relative to the module directory for runs from an IDE).
 */
final class ThirdPartyBrokers {
    /** Attempts with a fresh port when a broker loses the race for the port it was given. */
    private static final int PORT_ATTEMPTS = 3;

    private ThirdPartyBrokers() {
    }

    /** Starts a broker on a free loopback port, retrying with another port if it does not come up. */
    static <B extends ThirdPartyBroker> B startOnFreePort(IntFunction<B> starter) {
        BrokerProcess.BrokerStartException last = null;
        for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
            try {
                return starter.apply(FreePort.pick());
            } catch (BrokerProcess.BrokerStartException e) {
                last = e;
            }
        }
        throw last;
    }

    static Path tempDir(String broker) {
        try {
            return Files.createTempDirectory("mqtt-harness-" + broker + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a fixture's temp directory; what cannot be deleted stays (it is under java.io.tmpdir). */
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

    /**
     * The runtime classpath of a Java broker resolved by spec-tests/brokers/pom.xml; aborts the test (skip) when
     * the build did not resolve it.
     */
    static String isolatedClasspath(String broker) {
        Path dir = Path.of(System.getProperty("mqtt-harness.broker-classpath.dir", "target/broker-classpath"));
        Path file = dir.resolve(broker + ".classpath");
        Assumptions.assumeTrue(Files.isRegularFile(file), () -> broker + " is unavailable: its classpath " + file
                + " was not resolved (the build runs spec-tests/brokers/pom.xml in generate-test-resources; see "
                + dir.resolve("resolve.log") + ", or run mvn -pl spec-tests test-compile once online)");
        try {
            String classpath = Files.readString(file).strip();
            Assumptions.assumeFalse(classpath.isEmpty(), () -> broker + " is unavailable: " + file + " is empty");
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The launcher source (run in Java's source-file mode) of a Java broker. */
    static Path launcher(String broker, String fileName) {
        Path file = Path.of(System.getProperty("mqtt-harness.brokers.dir", "brokers"), broker, fileName);
        Assumptions.assumeTrue(Files.isRegularFile(file), () -> broker + " launcher " + file.toAbsolutePath()
                + " not found");
        return file.toAbsolutePath();
    }

    /** The {@code java} of the running JDK (source-file mode needs a JDK, which the build has anyway). */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A version the build passed in (see spec-tests/pom.xml), for descriptions. */
    static String pinnedVersion(String broker) {
        return System.getProperty("mqtt-harness." + broker + ".version", "(version unknown)");
    }
}
