package io.mqttharness.codec.reason;

/** Reason codes of the SUBACK packet (MQTT 5.0 section 3.9.3); values of 0x80 or more are errors. */
public enum MqttSubAckReasonCode implements MqttReasonCode {
    /** 0x00 Granted QoS 0 (MQTT 5.0 section 3.9.3). */
    GRANTED_QOS_0(0x00),
    /** 0x01 Granted QoS 1 (MQTT 5.0 section 3.9.3). */
    GRANTED_QOS_1(0x01),
    /** 0x02 Granted QoS 2 (MQTT 5.0 section 3.9.3). */
    GRANTED_QOS_2(0x02),
    /** 0x80 Unspecified error (MQTT 5.0 section 3.9.3). */
    UNSPECIFIED_ERROR(0x80),
    /** 0x83 Implementation specific error (MQTT 5.0 section 3.9.3). */
    IMPLEMENTATION_SPECIFIC_ERROR(0x83),
    /** 0x87 Not authorized (MQTT 5.0 section 3.9.3). */
    NOT_AUTHORIZED(0x87),
    /** 0x8F Topic Filter invalid (MQTT 5.0 section 3.9.3). */
    TOPIC_FILTER_INVALID(0x8F),
    /** 0x91 Packet Identifier in use (MQTT 5.0 section 3.9.3). */
    PACKET_IDENTIFIER_IN_USE(0x91),
    /** 0x97 Quota exceeded (MQTT 5.0 section 3.9.3). */
    QUOTA_EXCEEDED(0x97),
    /** 0x9E Shared Subscriptions not supported (MQTT 5.0 section 3.9.3). */
    SHARED_SUBSCRIPTIONS_NOT_SUPPORTED(0x9E),
    /** 0xA1 Subscription Identifiers not supported (MQTT 5.0 section 3.9.3). */
    SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED(0xA1),
    /** 0xA2 Wildcard Subscriptions not supported (MQTT 5.0 section 3.9.3). */
    WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED(0xA2);

    private static final MqttSubAckReasonCode[] BY_CODE = new MqttSubAckReasonCode[256];

    static {
        for (MqttSubAckReasonCode r : values()) {
            BY_CODE[r.code] = r;
        }
    }

    private final int code;

    MqttSubAckReasonCode(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The reason for a code, or {@code null} when SUBACK does not define it (a Protocol Error). */
    public static MqttSubAckReasonCode fromCode(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }

    /** The granted-QoS code for a QoS level. */
    public static MqttSubAckReasonCode granted(io.mqttharness.codec.MqttQos qos) {
        return BY_CODE[qos.code()];
    }
}
