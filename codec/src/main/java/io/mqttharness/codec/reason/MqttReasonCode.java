package io.mqttharness.codec.reason;

/** A one-byte MQTT 5 reason code (MQTT 5.0 section 2.4); codes of 0x80 or more report failure. */
public interface MqttReasonCode {
    /** The byte on the wire. */
    int code();

    /** True for codes 0x80 and above (MQTT 5.0 section 2.4). */
    default boolean isError() {
        return code() >= 0x80;
    }
}
