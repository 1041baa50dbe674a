package io.mqttharness.codec;

/** The data representations of MQTT 5 property values (MQTT 5.0 section 1.5). */
public enum MqttPropertyType {
    BYTE, TWO_BYTE_INTEGER, FOUR_BYTE_INTEGER, VARIABLE_BYTE_INTEGER, UTF8_STRING, BINARY_DATA, UTF8_STRING_PAIR
}
