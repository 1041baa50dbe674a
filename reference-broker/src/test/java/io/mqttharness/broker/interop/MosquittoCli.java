package io.mqttharness.broker.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Command lines for mosquitto's own clients ({@code mosquitto_pub}, {@code mosquitto_sub},
 * {@code mosquitto_passwd}). Tests call {@link #assumeInstalled} first, so that a machine without the package
 * reports the tests as skipped, with the reason, instead of failing or silently passing.
 */
final class MosquittoCli {
    /** mosquitto_sub's output format: topic, QoS, retain flag and payload, separated by '|'. */
    static final String SUB_FORMAT = "%t|%q|%r|%p";
    /** How long mosquitto_sub waits for its one message ({@code -W}), in seconds. */
    static final int SUB_WAIT_SECONDS = 10;

    private MosquittoCli() {
    }

    /** Skips the calling test with a visible reason when a binary is not on the PATH. */
    static void assumeInstalled(String... binaries) {
        for (String binary : binaries) {
            assumeTrue(find(binary).isPresent(), binary + " not installed: apt-get install mosquitto-clients"
                    + (binary.equals("mosquitto_passwd") ? " mosquitto" : ""));
        }
        // mosquitto_sub block-buffers stdout into a pipe; stdbuf (coreutils) makes it line-buffered so
        // that "Subscribed" can be seen while it runs
        assumeTrue(find("stdbuf").isPresent(), "stdbuf not installed: apt-get install coreutils");
    }

    static Optional<Path> find(String binary) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, binary);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code mosquitto_pub} publishing one message to 127.0.0.1.
     *
     * @param version {@code mqttv311} or {@code mqttv5}
     * @param extra further options, e.g. {@code -r}, {@code -u USER -P PASS}, {@code --cafile FILE}
     */
    static List<String> pub(int port, String version, int qos, String topic, String message, String... extra) {
        List<String> command = new ArrayList<>(List.of("mosquitto_pub", "-h", InteropBrokers.LOOPBACK,
                "-p", Integer.toString(port), "-V", version, "-q", Integer.toString(qos), "-t", topic,
                "-m", message));
        command.addAll(List.of(extra));
        return command;
    }

    /**
     * {@code mosquitto_sub} that prints one message as {@value #SUB_FORMAT} and exits, or gives up after
     * {@value #SUB_WAIT_SECONDS} s. It runs with {@code -d} so that its "Subscribed" line shows when the
     * SUBACK arrived, and under {@code stdbuf -oL} so that the line arrives while it runs.
     */
    static List<String> sub(int port, String version, int qos, String topic, String... extra) {
        List<String> command = new ArrayList<>(List.of("stdbuf", "-oL", "mosquitto_sub", "-h",
                InteropBrokers.LOOPBACK, "-p", Integer.toString(port), "-V", version, "-q", Integer.toString(qos),
                "-t", topic, "-C", "1", "-W", Integer.toString(SUB_WAIT_SECONDS), "-d", "-F", SUB_FORMAT));
        command.addAll(List.of(extra));
        return command;
    }

    /** True for mosquitto_sub's line that follows the SUBACK. */
    static boolean isSubscribedLine(String line) {
        return line.startsWith("Subscribed (mid");
    }

    /** The formatted message lines of a mosquitto_sub run (its {@code -d} debug lines left out). */
    static List<String> messages(ProcessResult result) {
        return result.payloadLines().stream().filter(line -> !line.isBlank()).toList();
    }

    /** The line mosquitto_sub prints for a message, in {@value #SUB_FORMAT}. */
    static String line(String topic, int qos, boolean retained, String payload) {
        return topic + "|" + qos + "|" + (retained ? 1 : 0) + "|" + payload;
    }
}
