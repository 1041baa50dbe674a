package io.mqttharness.spec.packet;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttPropertyId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The field names scenarios use for each packet type and for MQTT 5 properties, so that a typo in a scenario is
 * reported when it is loaded instead of silently matching nothing.
 */
public final class PacketFieldNames {
    /** Send-only field: overrides the low nibble of the fixed header after encoding, for malformed packets. */
    public static final String FIXED_HEADER_FLAGS = "fixed_header_flags";

    private static final Map<MqttPacketType, Set<String>> FIELDS = new EnumMap<>(MqttPacketType.class);

    static {
        Set<String> ack = Set.of("packet_id", "reason_code", "properties");
        FIELDS.put(MqttPacketType.CONNECT, Set.of("clean_start", "clean_session", "keep_alive", "client_id",
                "username", "password", "will", "properties"));
        FIELDS.put(MqttPacketType.CONNACK, Set.of("session_present", "reason_code", "properties"));
        FIELDS.put(MqttPacketType.PUBLISH, Set.of("dup", "qos", "retain", "topic", "packet_id", "payload",
                "properties"));
        FIELDS.put(MqttPacketType.PUBACK, ack);
        FIELDS.put(MqttPacketType.PUBREC, ack);
        FIELDS.put(MqttPacketType.PUBREL, ack);
        FIELDS.put(MqttPacketType.PUBCOMP, ack);
        FIELDS.put(MqttPacketType.SUBSCRIBE, Set.of("packet_id", "subscriptions", "properties"));
        FIELDS.put(MqttPacketType.SUBACK, Set.of("packet_id", "reason_codes", "properties"));
        FIELDS.put(MqttPacketType.UNSUBSCRIBE, Set.of("packet_id", "filters", "properties"));
        FIELDS.put(MqttPacketType.UNSUBACK, Set.of("packet_id", "reason_codes", "properties"));
        FIELDS.put(MqttPacketType.PINGREQ, Set.of());
        FIELDS.put(MqttPacketType.PINGRESP, Set.of());
        FIELDS.put(MqttPacketType.DISCONNECT, Set.of("reason_code", "properties"));
        FIELDS.put(MqttPacketType.AUTH, Set.of("reason_code", "properties"));
    }

    /** Fields of a will inside CONNECT. */
    public static final Set<String> WILL_FIELDS = Set.of("topic", "payload", "qos", "retain", "properties");

    /** Fields of one subscription inside SUBSCRIBE. */
    public static final Set<String> SUBSCRIPTION_FIELDS = Set.of("filter", "qos", "no_local", "retain_as_published",
            "retain_handling");

    private PacketFieldNames() {
    }

    /** The field names of a packet type. */
    public static Set<String> fields(MqttPacketType type) {
        return FIELDS.get(type);
    }

    /** The scenario name of a property: its identifier in lower case, plural for the two repeatable ones. */
    public static String propertyName(MqttPropertyId id) {
        if (id == MqttPropertyId.USER_PROPERTY) {
            return "user_properties";
        }
        if (id == MqttPropertyId.SUBSCRIPTION_IDENTIFIER) {
            return "subscription_identifiers";
        }
        return id.name().toLowerCase(Locale.ROOT);
    }

    /** The property for a scenario name, or {@code null} if there is none. */
    public static MqttPropertyId property(String name) {
        for (MqttPropertyId id : MqttPropertyId.values()) {
            if (propertyName(id).equals(name)) {
                return id;
            }
        }
        return null;
    }

    /** The packet type for a name such as {@code PUBLISH} or {@code publish}, or {@code null}. */
    public static MqttPacketType packetType(String name) {
        try {
            return MqttPacketType.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
