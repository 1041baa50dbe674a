package io.mqttharness.brokers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Eclipse Mosquitto (the Debian package: {@code /usr/sbin/mosquitto}) as a child process with a generated config:
 * one listener on a free loopback port, anonymous access, {@code $SYS} updates every second and QoS 0 queuing for
 * offline sessions, so that the {@code sys-topics} and {@code queue-qos0-offline} scenarios can run.
 */
public final class MosquittoBroker implements BrokerLauncher {
    /** Where Debian and a source build put it; PATH is searched after these. */
    public static final List<String> DEFAULT_CANDIDATES = List.of("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final List<String> candidates;
    private final boolean searchPath;

    /** Looks for the binary in {@link #DEFAULT_CANDIDATES}, then on PATH. */
    public MosquittoBroker() {
        this(DEFAULT_CANDIDATES, true);
    }

    /**
     * @param candidates binaries to try, in order
     * @param searchPath whether to look on PATH after them
     */
    public MosquittoBroker(List<String> candidates, boolean searchPath) {
        this.candidates = List.copyOf(candidates);
        this.searchPath = searchPath;
    }

    @Override
    public String name() {
        return "mosquitto";
    }

    @Override
    public RunningBroker start() throws BrokerUnavailableException {
        String binary = findBinary();
        if (binary == null) {
            throw new BrokerUnavailableException("mosquitto is not installed (looked for " + candidates
                    + (searchPath ? " and on PATH" : "") + "; Debian/Ubuntu: apt-get install mosquitto)");
        }
        String version = version(binary);
        return BrokerProcess.startOnFreePort(port -> start(binary, version, port));
    }

    private static RunningBroker start(String binary, String version, int port) {
        Path dir = BrokerFiles.tempDir("mosquitto");
        String config = String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                // $SYS/broker/... published every second: makes the sys-topics capability testable
                "sys_interval 1",
                // QoS 0 messages queued for offline persistent sessions (a MAY the spec allows)
                "queue_qos0_messages true",
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                "log_type notice",
                "log_type information",
                "");
        Path conf = dir.resolve("mosquitto.conf");
        try {
            Files.writeString(conf, config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            BrokerFiles.deleteRecursively(dir);
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(binary, "-c", conf.toString()));
        String description = version == null ? "mosquitto" : "mosquitto " + version;
        return ProcessBroker.start(new ProcessBroker.Launch("mosquitto", description, version, command,
                String.join(" ", command) + "\n--- mosquitto.conf ---\n" + config,
                Map.of("sys-topics", true, "queue-qos0-offline", true)), dir, port, START_TIMEOUT);
    }

    private String findBinary() {
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        if (searchPath) {
            for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (!d.isEmpty() && Files.isExecutable(Path.of(d, "mosquitto"))) {
                    return Path.of(d, "mosquitto").toString();
                }
            }
        }
        return null;
    }

    /** {@code mosquitto -h} prints "mosquitto version 2.0.11" first. */
    private static String version(String binary) {
        try {
            Process p = new ProcessBuilder(binary, "-h").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(5, TimeUnit.SECONDS);
            String first = out.lines().findFirst().orElse("").trim();
            return first.startsWith("mosquitto version ") ? first.substring("mosquitto version ".length()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
