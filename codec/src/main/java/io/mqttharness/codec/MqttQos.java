package io.mqttharness.codec;

/** Quality of service levels (section 4.3 of both specifications). */
public enum MqttQos {
    AT_MOST_ONCE(0),
    AT_LEAST_ONCE(1),
    EXACTLY_ONCE(2);

    private static final MqttQos[] BY_CODE = values();
    private final int code;

    MqttQos(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The QoS for a code, or {@code null} for 3 and any other value (a malformed packet). */
    public static MqttQos fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** The lower of two levels: delivery QoS is min(publish QoS, granted QoS) (section 3.8.4). */
    public static MqttQos min(MqttQos a, MqttQos b) {
        return a.code <= b.code ? a : b;
    }
}
