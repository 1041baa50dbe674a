package io.mqttharness.spec.capability;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.MqttVersion;
import org.junit.jupiter.api.Test;

class CapabilityProbeRefusalTest {

    @Test
    void mqtt5_connect_answered_with_a_311_unacceptable_version_connack_is_recognised() {
        // 20 = CONNACK, 02 = remaining length, 00 = no session present, 01 = 3.1.1 "unacceptable protocol version"
        assertThat(CapabilityProbe.refusedWithOlderConnack(MqttVersion.MQTT_5, "20 02 00 01")).isTrue();
        assertThat(CapabilityProbe.refusedWithOlderConnack(MqttVersion.MQTT_5, "20020001")).isTrue();
        // the same return code in MQTT 5 shape (empty property list), as Moquette 0.17 sends it
        assertThat(CapabilityProbe.refusedWithOlderConnack(MqttVersion.MQTT_5, "20 03 00 01 00")).isTrue();
    }

    @Test
    void other_connacks_and_versions_are_not_taken_for_a_version_refusal() {
        assertThat(CapabilityProbe.refusedWithOlderConnack(MqttVersion.MQTT_3_1_1, "20 02 00 01")).isFalse();
        // 3.1.1 return code 5 (not authorized) under MQTT 5 is another problem
        assertThat(CapabilityProbe.refusedWithOlderConnack(MqttVersion.MQTT_5, "20 02 00 05")).isFalse();
        assertThat(CapabilityProbe.refusedWithOlderConnack(MqttVersion.MQTT_5, null)).isFalse();
    }
}
