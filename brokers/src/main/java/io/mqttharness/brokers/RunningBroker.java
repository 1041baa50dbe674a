package io.mqttharness.brokers;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * A broker started by a {@link BrokerLauncher}, listening on a loopback address until {@link #close()} stops it and
 * removes its working directory.
 */
public interface RunningBroker extends AutoCloseable {

    /** The launcher name, e.g. {@code mosquitto} or {@code container:emqx/emqx:5.8}. */
    String name();

    /** Product and version for reports, e.g. {@code mosquitto 2.0.11}. */
    String description();

    /** The broker's version as detected or pinned, or {@code null} when unknown. */
    String version();

    /** Host of the MQTT listener (a loopback address). */
    String host();

    /** Port of the plain TCP MQTT listener. */
    int port();

    /** {@code tcp://host:port}. */
    default URI address() {
        return URI.create("tcp://" + host() + ":" + port());
    }

    /** Process ID of the broker (for /proc sampling), or -1 when it is not a process of this machine. */
    long pid();

    /** How it was started: the command line, then its configuration text, for full disclosure in reports. */
    String launch();

    /**
     * Capabilities its configuration gives it that no CONNACK announces (the certification profile's
     * {@code capabilities:} keys), e.g. {@code sys-topics}.
     */
    Map<String, Boolean> capabilities();

    /** The last lines of the broker's own output, for failure messages. */
    String logTail();

    /** The broker's complete output (deleted by {@link #close()}). */
    Path logFile();

    /** Stops the broker (bounded: stdin closed, then terminated, then killed) and deletes its directory. */
    @Override
    void close();
}
