package io.mqttharness.codec.reason;

/** Reason codes of the DISCONNECT packet (MQTT 5.0 section 3.14.2.1); values of 0x80 or more are errors. */
public enum MqttDisconnectReasonCode implements MqttReasonCode {
    /** 0x00 Normal disconnection (MQTT 5.0 section 3.14.2.1). */
    NORMAL_DISCONNECTION(0x00),
    /** 0x04 Disconnect with Will Message (MQTT 5.0 section 3.14.2.1). */
    DISCONNECT_WITH_WILL_MESSAGE(0x04),
    /** 0x80 Unspecified error (MQTT 5.0 section 3.14.2.1). */
    UNSPECIFIED_ERROR(0x80),
    /** 0x81 Malformed Packet (MQTT 5.0 section 3.14.2.1). */
    MALFORMED_PACKET(0x81),
    /** 0x82 Protocol Error (MQTT 5.0 section 3.14.2.1). */
    PROTOCOL_ERROR(0x82),
    /** 0x83 Implementation specific error (MQTT 5.0 section 3.14.2.1). */
    IMPLEMENTATION_SPECIFIC_ERROR(0x83),
    /** 0x87 Not authorized (MQTT 5.0 section 3.14.2.1). */
    NOT_AUTHORIZED(0x87),
    /** 0x89 Server busy (MQTT 5.0 section 3.14.2.1). */
    SERVER_BUSY(0x89),
    /** 0x8B Server shutting down (MQTT 5.0 section 3.14.2.1). */
    SERVER_SHUTTING_DOWN(0x8B),
    /** 0x8D Keep Alive timeout (MQTT 5.0 section 3.14.2.1). */
    KEEP_ALIVE_TIMEOUT(0x8D),
    /** 0x8E Session taken over (MQTT 5.0 section 3.14.2.1). */
    SESSION_TAKEN_OVER(0x8E),
    /** 0x8F Topic Filter invalid (MQTT 5.0 section 3.14.2.1). */
    TOPIC_FILTER_INVALID(0x8F),
    /** 0x90 Topic Name invalid (MQTT 5.0 section 3.14.2.1). */
    TOPIC_NAME_INVALID(0x90),
    /** 0x93 Receive Maximum exceeded (MQTT 5.0 section 3.14.2.1). */
    RECEIVE_MAXIMUM_EXCEEDED(0x93),
    /** 0x94 Topic Alias invalid (MQTT 5.0 section 3.14.2.1). */
    TOPIC_ALIAS_INVALID(0x94),
    /** 0x95 Packet too large (MQTT 5.0 section 3.14.2.1). */
    PACKET_TOO_LARGE(0x95),
    /** 0x96 Message rate too high (MQTT 5.0 section 3.14.2.1). */
    MESSAGE_RATE_TOO_HIGH(0x96),
    /** 0x97 Quota exceeded (MQTT 5.0 section 3.14.2.1). */
    QUOTA_EXCEEDED(0x97),
    /** 0x98 Administrative action (MQTT 5.0 section 3.14.2.1). */
    ADMINISTRATIVE_ACTION(0x98),
    /** 0x99 Payload format invalid (MQTT 5.0 section 3.14.2.1). */
    PAYLOAD_FORMAT_INVALID(0x99),
    /** 0x9A Retain not supported (MQTT 5.0 section 3.14.2.1). */
    RETAIN_NOT_SUPPORTED(0x9A),
    /** 0x9B QoS not supported (MQTT 5.0 section 3.14.2.1). */
    QOS_NOT_SUPPORTED(0x9B),
    /** 0x9C Use another server (MQTT 5.0 section 3.14.2.1). */
    USE_ANOTHER_SERVER(0x9C),
    /** 0x9D Server moved (MQTT 5.0 section 3.14.2.1). */
    SERVER_MOVED(0x9D),
    /** 0x9E Shared Subscriptions not supported (MQTT 5.0 section 3.14.2.1). */
    SHARED_SUBSCRIPTIONS_NOT_SUPPORTED(0x9E),
    /** 0x9F Connection rate exceeded (MQTT 5.0 section 3.14.2.1). */
    CONNECTION_RATE_EXCEEDED(0x9F),
    /** 0xA0 Maximum connect time (MQTT 5.0 section 3.14.2.1). */
    MAXIMUM_CONNECT_TIME(0xA0),
    /** 0xA1 Subscription Identifiers not supported (MQTT 5.0 section 3.14.2.1). */
    SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED(0xA1),
    /** 0xA2 Wildcard Subscriptions not supported (MQTT 5.0 section 3.14.2.1). */
    WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED(0xA2);

    private static final MqttDisconnectReasonCode[] BY_CODE = new MqttDisconnectReasonCode[256];

    static {
        for (MqttDisconnectReasonCode r : values()) {
            BY_CODE[r.code] = r;
        }
    }

    private final int code;

    MqttDisconnectReasonCode(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The reason for a code, or {@code null} when DISCONNECT does not define it (a Protocol Error). */
    public static MqttDisconnectReasonCode fromCode(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }
}
