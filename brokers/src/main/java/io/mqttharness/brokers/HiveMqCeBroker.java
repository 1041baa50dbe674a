package io.mqttharness.brokers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * HiveMQ Community Edition embedded ({@code com.hivemq:hivemq-community-edition-embedded}, version pinned in the
 * parent pom) in its own JVM. Its config folder gets a config.xml with one TCP listener on a free loopback port,
 * in-memory persistence and anonymous usage statistics off (the harness must not reach the internet); the launcher
 * registers an allow-all authenticator, as the binary distribution's allow-all extension does.
 */
public final class HiveMqCeBroker extends IsolatedJvmBroker {
    /** Launcher name. */
    public static final String NAME = "hivemq-ce";
    /** HiveMQ boots Guice, its persistences and the extension system: a few seconds on a busy 2-core machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** What HiveMQ's own run script opens for its JDK 11+ internals. */
    private static final List<String> JVM_OPTIONS = List.of(
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.nio=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED");

    /** The pinned version with the given JVM settings. */
    public HiveMqCeBroker(LaunchProfile profile) {
        super(NAME, "HiveMQ CE", PinnedVersions.get("hivemq-ce.version"), "HiveMqCeLauncher.java", profile);
    }

    @Override
    List<String> jvmOptions() {
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        // HIVEMQ_HOME defaults to the jar's directory, i.e. the local Maven repository
        options.add("-Dhivemq.home=" + System.getProperty("java.io.tmpdir"));
        return options;
    }

    @Override
    Duration startTimeout() {
        return START_TIMEOUT;
    }

    @Override
    List<String> prepare(Path dir, int port) throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Path extensions = Files.createDirectories(dir.resolve("extensions"));
        Files.createDirectories(dir.resolve("log"));
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>127.0.0.1</bind-address>
                        </tcp-listener>
                    </listeners>
                    <persistence>
                        <mode>in-memory</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port), StandardCharsets.UTF_8);
        return List.of(conf.toString(), data.toString(), extensions.toString());
    }

    @Override
    String configText(Path dir) throws IOException {
        return "--- conf/config.xml ---\n" + Files.readString(dir.resolve("conf").resolve("config.xml"))
                + "(plus an embedded allow-all authenticator extension)\n";
    }
}
