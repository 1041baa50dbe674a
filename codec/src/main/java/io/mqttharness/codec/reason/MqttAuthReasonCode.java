package io.mqttharness.codec.reason;

/** Reason codes of the AUTH packet (MQTT 5.0 section 3.15.2.1); values of 0x80 or more are errors. */
public enum MqttAuthReasonCode implements MqttReasonCode {
    /** 0x00 Success (MQTT 5.0 section 3.15.2.1). */
    SUCCESS(0x00),
    /** 0x18 Continue authentication (MQTT 5.0 section 3.15.2.1). */
    CONTINUE_AUTHENTICATION(0x18),
    /** 0x19 Re-authenticate (MQTT 5.0 section 3.15.2.1). */
    RE_AUTHENTICATE(0x19);

    private static final MqttAuthReasonCode[] BY_CODE = new MqttAuthReasonCode[256];

    static {
        for (MqttAuthReasonCode r : values()) {
            BY_CODE[r.code] = r;
        }
    }

    private final int code;

    MqttAuthReasonCode(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The reason for a code, or {@code null} when AUTH does not define it (a Protocol Error). */
    public static MqttAuthReasonCode fromCode(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }
}
