package io.mqttharness.codec.reason;

/** Reason codes of the CONNACK packet (MQTT 5.0 section 3.2.2.2); values of 0x80 or more are errors. */
public enum MqttConnectReasonCode implements MqttReasonCode {
    /** 0x00 Success (MQTT 5.0 section 3.2.2.2). */
    SUCCESS(0x00),
    /** 0x80 Unspecified error (MQTT 5.0 section 3.2.2.2). */
    UNSPECIFIED_ERROR(0x80),
    /** 0x81 Malformed Packet (MQTT 5.0 section 3.2.2.2). */
    MALFORMED_PACKET(0x81),
    /** 0x82 Protocol Error (MQTT 5.0 section 3.2.2.2). */
    PROTOCOL_ERROR(0x82),
    /** 0x83 Implementation specific error (MQTT 5.0 section 3.2.2.2). */
    IMPLEMENTATION_SPECIFIC_ERROR(0x83),
    /** 0x84 Unsupported Protocol Version (MQTT 5.0 section 3.2.2.2). */
    UNSUPPORTED_PROTOCOL_VERSION(0x84),
    /** 0x85 Client Identifier not valid (MQTT 5.0 section 3.2.2.2). */
    CLIENT_IDENTIFIER_NOT_VALID(0x85),
    /** 0x86 Bad User Name or Password (MQTT 5.0 section 3.2.2.2). */
    BAD_USER_NAME_OR_PASSWORD(0x86),
    /** 0x87 Not authorized (MQTT 5.0 section 3.2.2.2). */
    NOT_AUTHORIZED(0x87),
    /** 0x88 Server unavailable (MQTT 5.0 section 3.2.2.2). */
    SERVER_UNAVAILABLE(0x88),
    /** 0x89 Server busy (MQTT 5.0 section 3.2.2.2). */
    SERVER_BUSY(0x89),
    /** 0x8A Banned (MQTT 5.0 section 3.2.2.2). */
    BANNED(0x8A),
    /** 0x8C Bad authentication method (MQTT 5.0 section 3.2.2.2). */
    BAD_AUTHENTICATION_METHOD(0x8C),
    /** 0x90 Topic Name invalid (MQTT 5.0 section 3.2.2.2). */
    TOPIC_NAME_INVALID(0x90),
    /** 0x95 Packet too large (MQTT 5.0 section 3.2.2.2). */
    PACKET_TOO_LARGE(0x95),
    /** 0x97 Quota exceeded (MQTT 5.0 section 3.2.2.2). */
    QUOTA_EXCEEDED(0x97),
    /** 0x99 Payload format invalid (MQTT 5.0 section 3.2.2.2). */
    PAYLOAD_FORMAT_INVALID(0x99),
    /** 0x9A Retain not supported (MQTT 5.0 section 3.2.2.2). */
    RETAIN_NOT_SUPPORTED(0x9A),
    /** 0x9B QoS not supported (MQTT 5.0 section 3.2.2.2). */
    QOS_NOT_SUPPORTED(0x9B),
    /** 0x9C Use another server (MQTT 5.0 section 3.2.2.2). */
    USE_ANOTHER_SERVER(0x9C),
    /** 0x9D Server moved (MQTT 5.0 section 3.2.2.2). */
    SERVER_MOVED(0x9D),
    /** 0x9F Connection rate exceeded (MQTT 5.0 section 3.2.2.2). */
    CONNECTION_RATE_EXCEEDED(0x9F);

    private static final MqttConnectReasonCode[] BY_CODE = new MqttConnectReasonCode[256];

    static {
        for (MqttConnectReasonCode r : values()) {
            BY_CODE[r.code] = r;
        }
    }

    private final int code;

    MqttConnectReasonCode(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The reason for a code, or {@code null} when CONNACK does not define it (a Protocol Error). */
    public static MqttConnectReasonCode fromCode(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }

    /**
     * The MQTT 3.1.1 CONNACK return code for this reason (MQTT 3.1.1 section 3.2.2.3), or -1 where 3.1.1 has
     * none. The six 3.1.1 return codes map one-to-one onto MQTT 5 reason codes.
     */
    public int toV3ReturnCode() {
        switch (this) {
            case SUCCESS: return 0;
            case UNSUPPORTED_PROTOCOL_VERSION: return 1;
            case CLIENT_IDENTIFIER_NOT_VALID: return 2;
            case SERVER_UNAVAILABLE: return 3;
            case BAD_USER_NAME_OR_PASSWORD: return 4;
            case NOT_AUTHORIZED: return 5;
            default: return -1;
        }
    }

    /** The reason for an MQTT 3.1.1 return code 0..5, or {@code null} for any other value. */
    public static MqttConnectReasonCode fromV3ReturnCode(int returnCode) {
        switch (returnCode) {
            case 0: return SUCCESS;
            case 1: return UNSUPPORTED_PROTOCOL_VERSION;
            case 2: return CLIENT_IDENTIFIER_NOT_VALID;
            case 3: return SERVER_UNAVAILABLE;
            case 4: return BAD_USER_NAME_OR_PASSWORD;
            case 5: return NOT_AUTHORIZED;
            default: return null;
        }
    }
}
