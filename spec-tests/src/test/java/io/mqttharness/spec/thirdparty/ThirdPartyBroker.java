package io.mqttharness.spec.thirdparty;

import io.mqttharness.spec.client.MqttTarget;

/** A third-party broker started for a test on a loopback port; {@link #close()} stops it. */
interface ThirdPartyBroker extends AutoCloseable {

    /** Short name, e.g. {@code mosquitto}; also the baseline file name. */
    String name();

    /** Product and version, e.g. {@code mosquitto 2.0.11}. */
    String description();

    /** Where the broker listens. */
    MqttTarget target();

    /** The broker's own log (stdout and stderr), for failure messages. */
    String logTail();

    /** The complete log file (deleted by {@link #close()}). */
    java.nio.file.Path logFile();

    @Override
    void close();
}
