package io.mqttharness.spec.packet;

import java.util.Locale;

/**
 * A received reason code: the byte on the wire (under MQTT 3.1.1 the CONNACK return code) and its MQTT 5 name.
 * Scenarios may compare against either.
 */
public record ReasonValue(int wire, String name) {

    /** Whether {@code text} is this reason's name, ignoring case. */
    public boolean hasName(String text) {
        return name.equalsIgnoreCase(text.trim()) || name.toLowerCase(Locale.ROOT).replace('_', ' ')
                .equals(text.trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return String.format("0x%02x %s", wire, name);
    }
}
