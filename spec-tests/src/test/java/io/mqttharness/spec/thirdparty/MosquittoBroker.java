package io.mqttharness.spec.thirdparty;

import io.mqttharness.spec.client.MqttTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Eclipse Mosquitto (the Debian package: {@code /usr/sbin/mosquitto}) as a child process with a generated config:
 * one listener on a free loopback port, anonymous access, {@code $SYS} updates every second and QoS 0 queuing for
 * offline sessions, so that the {@code sys-topics} and {@code queue-qos0-offline} scenarios can run.
 */
final class MosquittoBroker implements ThirdPartyBroker {
    private static final List<String> CANDIDATES = List.of("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Path dir;
    private final BrokerProcess process;
    private final int port;
    private final String version;

    private MosquittoBroker(Path dir, BrokerProcess process, int port, String version) {
        this.dir = dir;
        this.process = process;
        this.port = port;
        this.version = version;
    }

    /** Starts mosquitto; aborts the test (skip) when it is not installed. */
    static MosquittoBroker start() {
        String binary = findBinary();
        Assumptions.assumeTrue(binary != null, "mosquitto is not installed (looked for " + CANDIDATES
                + " and on PATH; Debian: apt-get install mosquitto)");
        String version = version(binary);
        return ThirdPartyBrokers.startOnFreePort(port -> start(binary, version, port));
    }

    private static MosquittoBroker start(String binary, String version, int port) {
        Path dir = ThirdPartyBrokers.tempDir("mosquitto");
        BrokerProcess process = null;
        try {
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(conf, String.join("\n",
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
                    ""), StandardCharsets.UTF_8);
            process = BrokerProcess.start("mosquitto", List.of(binary, "-c", conf.toString()), dir,
                    dir.resolve("mosquitto.log"));
            process.awaitPort("127.0.0.1", port, START_TIMEOUT);
            return new MosquittoBroker(dir, process, port, version);
        } catch (IOException e) {
            cleanUp(process, dir);
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            cleanUp(process, dir);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting mosquitto", e);
        } catch (RuntimeException e) {
            cleanUp(process, dir);
            throw e;
        }
    }

    private static void cleanUp(BrokerProcess process, Path dir) {
        if (process != null) {
            process.close();
        }
        ThirdPartyBrokers.deleteRecursively(dir);
    }

    private static String findBinary() {
        for (String c : CANDIDATES) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "mosquitto"))) {
                return Path.of(d, "mosquitto").toString();
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
            return first.startsWith("mosquitto version ") ? first.substring("mosquitto version ".length()) : "?";
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    @Override
    public String name() {
        return "mosquitto";
    }

    @Override
    public String description() {
        return "mosquitto " + version;
    }

    @Override
    public MqttTarget target() {
        return MqttTarget.tcp("127.0.0.1", port);
    }

    @Override
    public String logTail() {
        return process.logTail();
    }

    @Override
    public Path logFile() {
        return process.logFile();
    }

    @Override
    public void close() {
        cleanUp(process, dir);
    }
}
