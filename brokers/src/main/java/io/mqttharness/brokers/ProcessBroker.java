package io.mqttharness.brokers;

import java.nio.file.Path;
import java.util.Map;

/** A broker running as a child process of this JVM in its own temp directory on a loopback port. */
final class ProcessBroker implements RunningBroker {
    private final String name;
    private final String description;
    private final String version;
    private final String launch;
    private final Map<String, Boolean> capabilities;
    private final Path dir;
    private final BrokerProcess process;
    private final int port;

    ProcessBroker(String name, String description, String version, String launch,
            Map<String, Boolean> capabilities, Path dir, BrokerProcess process, int port) {
        this.name = name;
        this.description = description;
        this.version = version;
        this.launch = launch;
        this.capabilities = Map.copyOf(capabilities);
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code command} in {@code dir} and waits for {@code port}; on any failure stops the process and deletes
     * {@code dir} before rethrowing.
     */
    static ProcessBroker start(Launch launch, Path dir, int port, java.time.Duration timeout) {
        BrokerProcess process = null;
        try {
            process = BrokerProcess.start(launch.name(), launch.command(), dir,
                    dir.resolve(launch.name().replaceAll("[^A-Za-z0-9.-]", "_") + ".log"));
            process.awaitPort("127.0.0.1", port, timeout);
            return new ProcessBroker(launch.name(), launch.description(), launch.version(), launch.disclosure(),
                    launch.capabilities(), dir, process, port);
        } catch (java.io.IOException e) {
            cleanUp(process, dir);
            throw new BrokerStartException("cannot start " + launch.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            cleanUp(process, dir);
            Thread.currentThread().interrupt();
            throw new BrokerStartException("interrupted while starting " + launch.name(), e);
        } catch (RuntimeException e) {
            cleanUp(process, dir);
            throw e;
        }
    }

    /**
     * What to run.
     *
     * @param command the command line
     * @param disclosure the command line and configuration text, for reports
     */
    record Launch(String name, String description, String version, java.util.List<String> command,
            String disclosure, Map<String, Boolean> capabilities) {
    }

    private static void cleanUp(BrokerProcess process, Path dir) {
        if (process != null) {
            process.close();
        }
        BrokerFiles.deleteRecursively(dir);
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
    public String version() {
        return version;
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public String launch() {
        return launch;
    }

    @Override
    public Map<String, Boolean> capabilities() {
        return capabilities;
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

    @Override
    public String toString() {
        return description + " at " + address() + " (pid " + pid() + ")";
    }
}
