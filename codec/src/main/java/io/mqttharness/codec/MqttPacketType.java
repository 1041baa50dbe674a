package io.mqttharness.codec;

/** The fifteen control packet types and their fixed-header type codes (section 2.1.2). */
public enum MqttPacketType {
    CONNECT(1), CONNACK(2), PUBLISH(3), PUBACK(4), PUBREC(5), PUBREL(6), PUBCOMP(7),
    SUBSCRIBE(8), SUBACK(9), UNSUBSCRIBE(10), UNSUBACK(11), PINGREQ(12), PINGRESP(13),
    DISCONNECT(14), AUTH(15);

    private static final MqttPacketType[] BY_CODE = new MqttPacketType[16];

    static {
        for (MqttPacketType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    MqttPacketType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type for a 4-bit code, or {@code null} for the reserved code 0 (and AUTH before MQTT 5). */
    public static MqttPacketType fromCode(int code) {
        return code > 0 && code < 16 ? BY_CODE[code] : null;
    }
}
