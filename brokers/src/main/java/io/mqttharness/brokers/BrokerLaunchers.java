package io.mqttharness.brokers;

import java.util.List;
import java.util.Locale;

/** The launchers by the names {@code --brokers} takes. */
public final class BrokerLaunchers {
    /** The names of the built-in launchers (besides {@code container:IMAGE}), in the default bench order. */
    public static final List<String> NAMES = List.of(ReferenceBroker.NAME, "mosquitto", HiveMqCeBroker.NAME,
            MoquetteBroker.NAME);

    private BrokerLaunchers() {
    }

    /**
     * The launcher called {@code name}: {@code reference}, {@code mosquitto}, {@code hivemq-ce}, {@code moquette} or
     * {@code container:IMAGE}.
     *
     * @throws IllegalArgumentException for an unknown name, with the known ones
     */
    public static BrokerLauncher forName(String name, LaunchProfile profile) {
        String n = name == null ? "" : name.trim();
        if (n.regionMatches(true, 0, ContainerBroker.PREFIX, 0, ContainerBroker.PREFIX.length())) {
            return new ContainerBroker(n.substring(ContainerBroker.PREFIX.length()));
        }
        return switch (n.toLowerCase(Locale.ROOT)) {
            case ReferenceBroker.NAME -> new ReferenceBroker(profile);
            case "mosquitto" -> new MosquittoBroker();
            case HiveMqCeBroker.NAME -> new HiveMqCeBroker(profile);
            case MoquetteBroker.NAME -> new MoquetteBroker(profile);
            default -> throw new IllegalArgumentException("unknown broker '" + n + "' (known: "
                    + String.join(", ", NAMES) + ", container:IMAGE)");
        };
    }
}
