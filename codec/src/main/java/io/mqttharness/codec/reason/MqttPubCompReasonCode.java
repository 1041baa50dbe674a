package io.mqttharness.codec.reason;

/** Reason codes of the PUBCOMP packet (MQTT 5.0 section 3.7.2.1); values of 0x80 or more are errors. */
public enum MqttPubCompReasonCode implements MqttReasonCode {
    /** 0x00 Success (MQTT 5.0 section 3.7.2.1). */
    SUCCESS(0x00),
    /** 0x92 Packet Identifier not found (MQTT 5.0 section 3.7.2.1). */
    PACKET_IDENTIFIER_NOT_FOUND(0x92);

    private static final MqttPubCompReasonCode[] BY_CODE = new MqttPubCompReasonCode[256];

    static {
        for (MqttPubCompReasonCode r : values()) {
            BY_CODE[r.code] = r;
        }
    }

    private final int code;

    MqttPubCompReasonCode(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The reason for a code, or {@code null} when PUBCOMP does not define it (a Protocol Error). */
    public static MqttPubCompReasonCode fromCode(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }
}
