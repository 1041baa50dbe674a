package io.mqttharness.codec.reason;

/** Reason codes of the UNSUBACK packet (MQTT 5.0 section 3.11.3); values of 0x80 or more are errors. */
public enum MqttUnsubAckReasonCode implements MqttReasonCode {
    /** 0x00 Success (MQTT 5.0 section 3.11.3). */
    SUCCESS(0x00),
    /** 0x11 No subscription existed (MQTT 5.0 section 3.11.3). */
    NO_SUBSCRIPTION_EXISTED(0x11),
    /** 0x80 Unspecified error (MQTT 5.0 section 3.11.3). */
    UNSPECIFIED_ERROR(0x80),
    /** 0x83 Implementation specific error (MQTT 5.0 section 3.11.3). */
    IMPLEMENTATION_SPECIFIC_ERROR(0x83),
    /** 0x87 Not authorized (MQTT 5.0 section 3.11.3). */
    NOT_AUTHORIZED(0x87),
    /** 0x8F Topic Filter invalid (MQTT 5.0 section 3.11.3). */
    TOPIC_FILTER_INVALID(0x8F),
    /** 0x91 Packet Identifier in use (MQTT 5.0 section 3.11.3). */
    PACKET_IDENTIFIER_IN_USE(0x91);

    private static final MqttUnsubAckReasonCode[] BY_CODE = new MqttUnsubAckReasonCode[256];

    static {
        for (MqttUnsubAckReasonCode r : values()) {
            BY_CODE[r.code] = r;
        }
    }

    private final int code;

    MqttUnsubAckReasonCode(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The reason for a code, or {@code null} when UNSUBACK does not define it (a Protocol Error). */
    public static MqttUnsubAckReasonCode fromCode(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }
}
