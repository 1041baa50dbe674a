package io.mqttharness.codec;

import static io.mqttharness.codec.MqttPacketType.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every MQTT 5 property identifier with its data type and the packets that may carry it
 * (MQTT 5.0 section 2.2.2.2, table 2-4). A property on a packet not listed here is a Protocol Error.
 */
public enum MqttPropertyId {
    PAYLOAD_FORMAT_INDICATOR(0x01, MqttPropertyType.BYTE, true, PUBLISH),
    MESSAGE_EXPIRY_INTERVAL(0x02, MqttPropertyType.FOUR_BYTE_INTEGER, true, PUBLISH),
    CONTENT_TYPE(0x03, MqttPropertyType.UTF8_STRING, true, PUBLISH),
    RESPONSE_TOPIC(0x08, MqttPropertyType.UTF8_STRING, true, PUBLISH),
    CORRELATION_DATA(0x09, MqttPropertyType.BINARY_DATA, true, PUBLISH),
    SUBSCRIPTION_IDENTIFIER(0x0B, MqttPropertyType.VARIABLE_BYTE_INTEGER, false, PUBLISH, SUBSCRIBE),
    SESSION_EXPIRY_INTERVAL(0x11, MqttPropertyType.FOUR_BYTE_INTEGER, false, CONNECT, CONNACK, DISCONNECT),
    ASSIGNED_CLIENT_IDENTIFIER(0x12, MqttPropertyType.UTF8_STRING, false, CONNACK),
    SERVER_KEEP_ALIVE(0x13, MqttPropertyType.TWO_BYTE_INTEGER, false, CONNACK),
    AUTHENTICATION_METHOD(0x15, MqttPropertyType.UTF8_STRING, false, CONNECT, CONNACK, AUTH),
    AUTHENTICATION_DATA(0x16, MqttPropertyType.BINARY_DATA, false, CONNECT, CONNACK, AUTH),
    REQUEST_PROBLEM_INFORMATION(0x17, MqttPropertyType.BYTE, false, CONNECT),
    WILL_DELAY_INTERVAL(0x18, MqttPropertyType.FOUR_BYTE_INTEGER, true),
    REQUEST_RESPONSE_INFORMATION(0x19, MqttPropertyType.BYTE, false, CONNECT),
    RESPONSE_INFORMATION(0x1A, MqttPropertyType.UTF8_STRING, false, CONNACK),
    SERVER_REFERENCE(0x1C, MqttPropertyType.UTF8_STRING, false, CONNACK, DISCONNECT),
    REASON_STRING(0x1F, MqttPropertyType.UTF8_STRING, false,
            CONNACK, PUBACK, PUBREC, PUBREL, PUBCOMP, SUBACK, UNSUBACK, DISCONNECT, AUTH),
    RECEIVE_MAXIMUM(0x21, MqttPropertyType.TWO_BYTE_INTEGER, false, CONNECT, CONNACK),
    TOPIC_ALIAS_MAXIMUM(0x22, MqttPropertyType.TWO_BYTE_INTEGER, false, CONNECT, CONNACK),
    TOPIC_ALIAS(0x23, MqttPropertyType.TWO_BYTE_INTEGER, false, PUBLISH),
    MAXIMUM_QOS(0x24, MqttPropertyType.BYTE, false, CONNACK),
    RETAIN_AVAILABLE(0x25, MqttPropertyType.BYTE, false, CONNACK),
    USER_PROPERTY(0x26, MqttPropertyType.UTF8_STRING_PAIR, true,
            CONNECT, CONNACK, PUBLISH, PUBACK, PUBREC, PUBREL, PUBCOMP, SUBSCRIBE, SUBACK,
            UNSUBSCRIBE, UNSUBACK, DISCONNECT, AUTH),
    MAXIMUM_PACKET_SIZE(0x27, MqttPropertyType.FOUR_BYTE_INTEGER, false, CONNECT, CONNACK),
    WILDCARD_SUBSCRIPTION_AVAILABLE(0x28, MqttPropertyType.BYTE, false, CONNACK),
    SUBSCRIPTION_IDENTIFIER_AVAILABLE(0x29, MqttPropertyType.BYTE, false, CONNACK),
    SHARED_SUBSCRIPTION_AVAILABLE(0x2A, MqttPropertyType.BYTE, false, CONNACK);

    private static final MqttPropertyId[] BY_ID = new MqttPropertyId[0x2B];

    static {
        for (MqttPropertyId p : values()) {
            BY_ID[p.id] = p;
        }
    }

    private final int id;
    private final MqttPropertyType type;
    private final boolean allowedInWill;
    private final Set<MqttPacketType> allowedIn;

    MqttPropertyId(int id, MqttPropertyType type, boolean allowedInWill, MqttPacketType... allowedIn) {
        this.id = id;
        this.type = type;
        this.allowedInWill = allowedInWill;
        this.allowedIn = allowedIn.length == 0 ? EnumSet.noneOf(MqttPacketType.class) : EnumSet.of(allowedIn[0], allowedIn);
    }

    public int id() {
        return id;
    }

    public MqttPropertyType type() {
        return type;
    }

    /** Whether the property may appear in the Will Properties of a CONNECT payload. */
    public boolean allowedInWill() {
        return allowedInWill;
    }

    /** Whether the property may appear in the variable header of the given packet type. */
    public boolean allowedIn(MqttPacketType packetType) {
        return allowedIn.contains(packetType);
    }

    /** Whether the property may appear more than once in one property list. */
    public boolean repeatable() {
        return this == USER_PROPERTY || this == SUBSCRIPTION_IDENTIFIER;
    }

    /** The property for an identifier, or {@code null} for an unknown identifier (a Malformed Packet). */
    public static MqttPropertyId fromId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }
}
