package io.mqttharness.codec.reason;

/** Reason codes of the PUBREL packet (MQTT 5.0 section 3.6.2.1); values of 0x80 or more are errors. */
public enum MqttPubRelReasonCode implements MqttReasonCode {
    /** 0x00 Success (MQTT 5.0 section 3.6.2.1). */
    SUCCESS(0x00),
    /** 0x92 Packet Identifier not found (MQTT 5.0 section 3.6.2.1). */
    PACKET_IDENTIFIER_NOT_FOUND(0x92);

    private static final MqttPubRelReasonCode[] BY_CODE = new MqttPubRelReasonCode[256];

    static {
        for (MqttPubRelReasonCode r : values()) {
            BY_CODE[r.code] = r;
        }
    }

    private final int code;

    MqttPubRelReasonCode(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The reason for a code, or {@code null} when PUBREL does not define it (a Protocol Error). */
    public static MqttPubRelReasonCode fromCode(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }
}
