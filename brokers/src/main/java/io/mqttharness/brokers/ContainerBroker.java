package io.mqttharness.brokers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A broker from a container image ({@code container:emqx/emqx:5.8}, {@code container:vernemq/vernemq},
 * {@code container:emqx/nanomq}) started with Testcontainers, its MQTT port 1883 mapped to a free host port. For
 * brokers without a local package. Without a reachable Docker engine it is unavailable (skipped), not failed.
 */
public final class ContainerBroker implements BrokerLauncher {
    /** The prefix of container names given to {@link BrokerLaunchers#forName}. */
    public static final String PREFIX = "container:";
    private static final int MQTT_PORT = 1883;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final String image;
    private final BooleanSupplier dockerAvailable;

    /**
     * The image, started when Testcontainers finds a Docker engine. Testcontainers is only asked when there is a place
     * an engine could be reached at: without one it logs its failed search as an ERROR with every strategy tried.
     */
    public ContainerBroker(String image) {
        this(image, () -> dockerEndpointCandidate() && DockerClientFactory.instance().isDockerAvailable());
    }

    /**
     * Whether an engine could be configured here: DOCKER_HOST, a Testcontainers configuration file, or one of the
     * usual sockets (system, rootless, Docker Desktop).
     */
    static boolean dockerEndpointCandidate() {
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return true;
        }
        String home = System.getProperty("user.home");
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        java.util.List<Path> candidates = new java.util.ArrayList<>(java.util.List.of(
                Path.of("/var/run/docker.sock"), Path.of(home, ".testcontainers.properties"),
                Path.of(home, ".docker", "run", "docker.sock"), Path.of(home, ".docker", "desktop", "docker.sock")));
        if (runtime != null && !runtime.isBlank()) {
            candidates.add(Path.of(runtime, "docker.sock"));
        }
        return candidates.stream().anyMatch(java.nio.file.Files::exists);
    }

    /**
     * @param image the image reference, e.g. {@code emqx/emqx:5.8}
     * @param dockerAvailable whether a Docker engine can be used (tests replace the detection)
     */
    public ContainerBroker(String image, BooleanSupplier dockerAvailable) {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("container: needs an image, e.g. container:emqx/emqx:5.8");
        }
        this.image = image.trim();
        this.dockerAvailable = dockerAvailable;
    }

    @Override
    public String name() {
        return PREFIX + image;
    }

    @Override
    public RunningBroker start() throws BrokerUnavailableException {
        boolean available;
        try {
            available = dockerAvailable.getAsBoolean();
        } catch (RuntimeException e) {
            available = false;
        }
        if (!available) {
            throw new BrokerUnavailableException("no Docker engine available to run image " + image
                    + " (Testcontainers found none: start Docker, or set DOCKER_HOST)");
        }
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withExposedPorts(MQTT_PORT).waitingFor(Wait.forListeningPort()).withStartupTimeout(START_TIMEOUT);
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw new BrokerStartException("container " + image + " did not start: " + e.getMessage(), e);
        }
        return new Running(container);
    }

    /** A started container; {@link #close()} removes it. */
    private final class Running implements RunningBroker {
        private final GenericContainer<?> container;

        Running(GenericContainer<?> container) {
            this.container = container;
        }

        @Override
        public String name() {
            return ContainerBroker.this.name();
        }

        @Override
        public String description() {
            return image + " (container)";
        }

        @Override
        public String version() {
            String tag = DockerImageName.parse(image).getVersionPart();
            return tag == null || tag.isBlank() ? null : tag;
        }

        @Override
        public String host() {
            return container.getHost();
        }

        @Override
        public int port() {
            return container.getMappedPort(MQTT_PORT);
        }

        @Override
        public long pid() {
            // the container's init process is a process of this machine when the engine runs locally
            Long pid = container.getContainerInfo().getState().getPidLong();
            return pid == null || pid <= 0 || !Path.of("/proc", pid.toString()).toFile().exists() ? -1 : pid;
        }

        @Override
        public String launch() {
            return "docker run -p <free port>:" + MQTT_PORT + " " + image + " (Testcontainers "
                    + GenericContainer.class.getPackage().getImplementationVersion() + ")";
        }

        @Override
        public Map<String, Boolean> capabilities() {
            return Map.of();
        }

        @Override
        public String logTail() {
            String logs = container.getLogs();
            String[] lines = logs.split("\n");
            int from = Math.max(0, lines.length - 40);
            return "--- " + image + " container log ---\n"
                    + String.join("\n", java.util.Arrays.asList(lines).subList(from, lines.length));
        }

        @Override
        public Path logFile() {
            return null;
        }

        @Override
        public void close() {
            container.close();
        }
    }
}
