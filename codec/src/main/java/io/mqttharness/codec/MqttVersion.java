package io.mqttharness.codec;

/**
 * The protocol versions the codec speaks, with the protocol name and level that a CONNECT carries
 * for each (MQTT 3.1.1 section 3.1.2.1-3.1.2.2, MQTT 5.0 section 3.1.2.1-3.1.2.2).
 */
public enum MqttVersion {
    /** MQTT 3.1 (IBM): protocol name {@code MQIsdp}, level 3. */
    MQTT_3_1("MQIsdp", 3, "3.1"),
    /** MQTT 3.1.1 (OASIS): protocol name {@code MQTT}, level 4. */
    MQTT_3_1_1("MQTT", 4, "3.1.1"),
    /** MQTT 5.0 (OASIS): protocol name {@code MQTT}, level 5. */
    MQTT_5("MQTT", 5, "5");

    private final String protocolName;
    private final int level;
    private final String displayName;

    MqttVersion(String protocolName, int level, String displayName) {
        this.protocolName = protocolName;
        this.level = level;
        this.displayName = displayName;
    }

    public String protocolName() {
        return protocolName;
    }

    public int level() {
        return level;
    }

    /** The short name users type: {@code 3.1}, {@code 3.1.1} or {@code 5}. */
    public String displayName() {
        return displayName;
    }

    /** True for MQTT 5.0, the only version with properties and reason codes on every ack. */
    public boolean isV5() {
        return this == MQTT_5;
    }

    /** The version for a protocol level, or {@code null} if no version uses that level. */
    public static MqttVersion fromLevel(int level) {
        for (MqttVersion v : values()) {
            if (v.level == level) {
                return v;
            }
        }
        return null;
    }

    /** Parses {@code 3.1}, {@code 3.1.1}, {@code 5} or {@code 5.0}. */
    public static MqttVersion parse(String text) {
        switch (text.trim()) {
            case "3.1": return MQTT_3_1;
            case "3.1.1": case "4": return MQTT_3_1_1;
            case "5": case "5.0": return MQTT_5;
            default: throw new IllegalArgumentException("unknown MQTT version '" + text + "' (expected 3.1, 3.1.1 or 5)");
        }
    }
}
