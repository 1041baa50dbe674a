package io.mqttharness.codec.reason;

/** Reason codes of the PUBACK packet (MQTT 5.0 section 3.4.2.1); values of 0x80 or more are errors. */
public enum MqttPubAckReasonCode implements MqttReasonCode {
    /** 0x00 Success (MQTT 5.0 section 3.4.2.1). */
    SUCCESS(0x00),
    /** 0x10 No matching subscribers (MQTT 5.0 section 3.4.2.1). */
    NO_MATCHING_SUBSCRIBERS(0x10),
    /** 0x80 Unspecified error (MQTT 5.0 section 3.4.2.1). */
    UNSPECIFIED_ERROR(0x80),
    /** 0x83 Implementation specific error (MQTT 5.0 section 3.4.2.1). */
    IMPLEMENTATION_SPECIFIC_ERROR(0x83),
    /** 0x87 Not authorized (MQTT 5.0 section 3.4.2.1). */
    NOT_AUTHORIZED(0x87),
    /** 0x90 Topic Name invalid (MQTT 5.0 section 3.4.2.1). */
    TOPIC_NAME_INVALID(0x90),
    /** 0x91 Packet Identifier in use (MQTT 5.0 section 3.4.2.1). */
    PACKET_IDENTIFIER_IN_USE(0x91),
    /** 0x97 Quota exceeded (MQTT 5.0 section 3.4.2.1). */
    QUOTA_EXCEEDED(0x97),
    /** 0x99 Payload format invalid (MQTT 5.0 section 3.4.2.1). */
    PAYLOAD_FORMAT_INVALID(0x99);

    private static final MqttPubAckReasonCode[] BY_CODE = new MqttPubAckReasonCode[256];

    static {
        for (MqttPubAckReasonCode r : values()) {
            BY_CODE[r.code] = r;
        }
    }

    private final int code;

    MqttPubAckReasonCode(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The reason for a code, or {@code null} when PUBACK does not define it (a Protocol Error). */
    public static MqttPubAckReasonCode fromCode(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }
}
