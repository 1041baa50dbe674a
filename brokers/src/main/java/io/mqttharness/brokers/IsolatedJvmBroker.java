package io.mqttharness.brokers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A third-party Java broker in its own JVM, with the classpath {@link JavaBrokerClasspath} resolved for it and a small
 * launcher run in Java's source-file mode. Its Netty, Jackson and logging versions never meet ours (the harness runs
 * on Netty 4.1.118; HiveMQ CE brings 4.1.128, Moquette 4.1.93 plus netty-codec-mqtt, Jackson 2.8 and SLF4J 1.7), and
 * the broker's own threads and GC do not share the harness's JVM.
 */
abstract class IsolatedJvmBroker implements BrokerLauncher {
    private final String name;
    private final String product;
    private final String version;
    private final String launcherFile;
    private final LaunchProfile profile;

    /**
     * @param name launcher name, also the resolution pom's name
     * @param product product name for descriptions, e.g. {@code HiveMQ CE}
     * @param launcherFile the launcher source resource, e.g. {@code MoquetteLauncher.java}
     */
    IsolatedJvmBroker(String name, String product, String version, String launcherFile, LaunchProfile profile) {
        this.name = name;
        this.product = product;
        this.version = version;
        this.launcherFile = launcherFile;
        this.profile = profile;
    }

    /** Writes the broker's config for {@code port} into {@code dir}; returns the launcher arguments. */
    abstract List<String> prepare(Path dir, int port) throws IOException;

    /** Options the broker needs (e.g. --add-opens). */
    abstract List<String> jvmOptions();

    /** How long it may take to accept connections. */
    abstract Duration startTimeout();

    /** The configuration text written by {@link #prepare}, for the launch disclosure. */
    abstract String configText(Path dir) throws IOException;

    @Override
    public String name() {
        return name;
    }

    @Override
    public RunningBroker start() throws BrokerUnavailableException {
        JavaBrokerClasspath.Prepared prepared = JavaBrokerClasspath.prepare(name, version, launcherFile);
        return BrokerProcess.startOnFreePort(port -> start(prepared, port));
    }

    private RunningBroker start(JavaBrokerClasspath.Prepared prepared, int port) {
        Path dir = BrokerFiles.tempDir(name);
        List<String> command = new ArrayList<>();
        String config;
        try {
            command.add(BrokerFiles.javaExecutable());
            command.addAll(profile.jvmOptions());
            command.addAll(jvmOptions());
            command.add("-cp");
            command.add(prepared.classpath());
            command.add(prepared.launcher().toString());
            command.addAll(prepare(dir, port));
            config = configText(dir);
        } catch (IOException e) {
            BrokerFiles.deleteRecursively(dir);
            throw new UncheckedIOException(e);
        }
        // the classpath is long and says nothing the version does not: disclose the command without it
        List<String> shown = new ArrayList<>(command);
        shown.set(shown.indexOf("-cp") + 1, "<" + name + " " + version + " runtime classpath from Maven Central>");
        return ProcessBroker.start(new ProcessBroker.Launch(name, product + " " + version, version, command,
                String.join(" ", shown) + "\n" + config, Map.of()), dir, port, startTimeout());
    }
}
