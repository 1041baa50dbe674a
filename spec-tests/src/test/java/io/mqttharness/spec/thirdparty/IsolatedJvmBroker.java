package io.mqttharness.spec.thirdparty;

import io.mqttharness.spec.client.MqttTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java broker in its own JVM, with the classpath spec-tests/brokers/pom.xml resolved for it and a small launcher
 * run in Java's source-file mode. Its Netty, Jackson and logging versions never meet ours (the harness runs on
 * Netty 4.1.118; HiveMQ CE brings 4.1.128, Moquette 4.1.93 plus netty-codec-mqtt, Jackson 2.8 and SLF4J 1.7),
 * and the broker's own threads and GC do not share the harness's JVM.
 */
final class IsolatedJvmBroker implements ThirdPartyBroker {
    /** Quick start-up matters more than peak speed for a test broker on a 2-core machine. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    private final String name;
    private final String description;
    private final Path dir;
    private final BrokerProcess process;
    private final int port;

    private IsolatedJvmBroker(String name, String description, Path dir, BrokerProcess process, int port) {
        this.name = name;
        this.description = description;
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    /** What a Java broker needs to start on a given port in a prepared directory. */
    interface Setup {
        /** Writes the broker's config for {@code port} into {@code dir}; returns the launcher arguments. */
        List<String> prepare(Path dir, int port) throws IOException;
    }

    /**
     * Starts a Java broker.
     *
     * @param name fixture name, also the classpath file and launcher directory name
     * @param launcherFile the launcher source file in spec-tests/brokers/{name}/
     * @param extraJvmOptions options the broker needs (e.g. --add-opens)
     */
    static IsolatedJvmBroker start(String name, String description, String launcherFile,
            List<String> extraJvmOptions, Duration startTimeout, Setup setup) {
        String classpath = ThirdPartyBrokers.isolatedClasspath(name);
        Path launcher = ThirdPartyBrokers.launcher(name, launcherFile);
        return ThirdPartyBrokers.startOnFreePort(port -> {
            Path dir = ThirdPartyBrokers.tempDir(name);
            BrokerProcess process = null;
            try {
                List<String> command = new ArrayList<>();
                command.add(ThirdPartyBrokers.javaExecutable());
                command.addAll(JVM_OPTIONS);
                command.addAll(extraJvmOptions);
                command.add("-cp");
                command.add(classpath);
                command.add(launcher.toString());
                command.addAll(setup.prepare(dir, port));
                process = BrokerProcess.start(name, command, dir, dir.resolve(name + ".log"));
                process.awaitPort("127.0.0.1", port, startTimeout);
                return new IsolatedJvmBroker(name, description, dir, process, port);
            } catch (IOException e) {
                cleanUp(process, dir);
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                cleanUp(process, dir);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting " + name, e);
            } catch (RuntimeException e) {
                cleanUp(process, dir);
                throw e;
            }
        });
    }

    private static void cleanUp(BrokerProcess process, Path dir) {
        if (process != null) {
            process.close();
        }
        ThirdPartyBrokers.deleteRecursively(dir);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
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
