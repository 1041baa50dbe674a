package io.mqttharness.brokers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Moquette ({@code io.moquette:moquette-broker}, version pinned in the parent pom) embedded in its own JVM,
 * configured by a properties file: TCP on a free loopback port, no WebSocket listener, anonymous access,
 * zero-byte client identifiers allowed, no persistence and telemetry off (the harness must not reach the internet).
 */
public final class MoquetteBroker extends IsolatedJvmBroker {
    /** Launcher name. */
    public static final String NAME = "moquette";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    /** The pinned version with the given JVM settings. */
    public MoquetteBroker(LaunchProfile profile) {
        super(NAME, "Moquette", PinnedVersions.get("moquette.version"), "MoquetteLauncher.java", profile);
    }

    @Override
    List<String> jvmOptions() {
        return List.of();
    }

    @Override
    Duration startTimeout() {
        return START_TIMEOUT;
    }

    @Override
    List<String> prepare(Path dir, int port) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path config = dir.resolve("moquette.properties");
        Files.writeString(config, String.join("\n",
                "host=127.0.0.1",
                "port=" + port,
                "websocket_port=disabled",
                "allow_anonymous=true",
                "allow_zero_byte_client_id=true",
                "persistence_enabled=false",
                "data_path=" + data,
                "telemetry_enabled=false",
                ""), StandardCharsets.UTF_8);
        Path log4j = dir.resolve("log4j.properties");
        Files.writeString(log4j, String.join("\n",
                "log4j.rootLogger=INFO, stdout",
                "log4j.appender.stdout=org.apache.log4j.ConsoleAppender",
                "log4j.appender.stdout.layout=org.apache.log4j.PatternLayout",
                "log4j.appender.stdout.layout.ConversionPattern=%d{HH:mm:ss,SSS} %-5p [%t] %c{1} - %m%n",
                ""), StandardCharsets.UTF_8);
        return List.of(config.toString(), log4j.toString());
    }

    @Override
    String configText(Path dir) throws IOException {
        return "--- moquette.properties ---\n" + Files.readString(dir.resolve("moquette.properties"));
    }
}
