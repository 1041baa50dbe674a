package io.mqttharness.load.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The workloads {@link LoadRunner} can run, by their CLI name. */
public enum LoadScenario {
    /** N sensors publish at r msg/s to {@code sensors/{id}/{metric}}; M dashboards subscribe with wildcards. */
    SENSOR_FLEET("sensor-fleet"),
    /** Sensors publish to one topic space consumed by a shared subscription group. */
    FAN_IN("fan-in"),
    /** One publisher topic, many subscribers. */
    FAN_OUT("fan-out"),
    /** Connections opened at a given rate; CONNACK latency and connections reached. */
    CONNECTION_STORM("connection-storm"),
    /** Persistent sessions go offline, messages queue, sessions return: all delivered, in order. */
    OFFLINE_BACKLOG("offline-backlog");

    private final String cliName;

    LoadScenario(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in reports, e.g. {@code sensor-fleet}. */
    public String cliName() {
        return cliName;
    }

    /** The scenario named {@code name} (CLI name, case-insensitive); IllegalArgumentException listing the names. */
    public static LoadScenario fromName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (LoadScenario scenario : values()) {
            if (scenario.cliName.equals(wanted)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("unknown load scenario '" + name + "'; known: "
                + Arrays.stream(values()).map(LoadScenario::cliName).collect(Collectors.joining(", ")));
    }
}
