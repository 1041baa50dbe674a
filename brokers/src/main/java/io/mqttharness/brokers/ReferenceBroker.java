package io.mqttharness.brokers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The mqtt-harness reference broker in its own JVM: {@link ReferenceBrokerMain} run on this JVM's own classpath,
 * which holds the reference broker both in a Maven build (this module depends on it) and in the shaded CLI jar. So
 * the broker under test never shares threads, heap or GC with the harness that measures it.
 */
public final class ReferenceBroker implements BrokerLauncher {
    /** Launcher name. */
    public static final String NAME = "reference";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final LaunchProfile profile;

    /** The reference broker of this build with the given JVM settings. */
    public ReferenceBroker(LaunchProfile profile) {
        this.profile = profile;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RunningBroker start() {
        String ownClasspath = System.getProperty("java.class.path", "");
        if (ownClasspath.isBlank()) {
            throw new BrokerStartException("cannot start the reference broker: java.class.path is empty");
        }
        // absolute entries: the child runs in its own working directory, and `java -jar cli/target/...` gives a
        // relative one (a relative entry made the child exit with "main class not found")
        String classpath = java.util.Arrays.stream(ownClasspath.split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> java.nio.file.Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        String version = PinnedVersions.get("mqtt-harness.version");
        return BrokerProcess.startOnFreePort(port -> {
            List<String> command = new ArrayList<>();
            command.add(BrokerFiles.javaExecutable());
            command.addAll(profile.jvmOptions());
            command.add("-cp");
            command.add(classpath);
            command.add(ReferenceBrokerMain.class.getName());
            command.add(Integer.toString(port));
            List<String> shown = new ArrayList<>(command);
            shown.set(shown.indexOf("-cp") + 1, "<mqtt-harness classpath>");
            return ProcessBroker.start(new ProcessBroker.Launch(NAME, "mqtt-harness reference broker " + version,
                    version, command, String.join(" ", shown)
                            + "\n(listener 127.0.0.1:" + port + ", otherwise the defaults of mqtt-harness broker)",
                    // $SYS is published by default; no CONNACK announces it
                    Map.of("sys-topics", true)), BrokerFiles.tempDir(NAME), port, START_TIMEOUT);
        });
    }
}
