package io.mqttharness.codec;

import java.util.Objects;

/** One MQTT 5 User Property (identifier 0x26), a UTF-8 string pair; names may repeat (section 3.1.2.11.8). */
public record MqttUserProperty(String name, String value) {
    public MqttUserProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
