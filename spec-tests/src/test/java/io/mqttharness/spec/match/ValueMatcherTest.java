package io.mqttharness.spec.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.packet.MqttSubAck;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import io.mqttharness.codec.reason.MqttSubAckReasonCode;
import io.mqttharness.spec.packet.PacketView;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueMatcherTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final MqttPublish PUBLISH = new MqttPublish(false, MqttQos.AT_LEAST_ONCE, false, "a/b", 12,
            MqttProperties.builder().addUserProperty("k", "1").addUserProperty("k", "2").messageExpiryInterval(30L)
                    .build(), "hi".getBytes(StandardCharsets.UTF_8));

    private static String mismatch(String expectedYaml, Object packetFieldsOwner) throws Exception {
        JsonNode expected = YAML.readTree(expectedYaml);
        Map<String, Object> actual = (Map<String, Object>) packetFieldsOwner;
        return PacketMatcher.mismatch(null, expected, null, actual);
    }

    private static Map<String, Object> publish() {
        return PacketView.of(PUBLISH, MqttVersion.MQTT_5);
    }

    @Test
    void only_given_fields_are_checked_and_payload_compares_as_text() throws Exception {
        assertThat(mismatch("{topic: a/b, payload: hi}", publish())).isNull();
        assertThat(mismatch("{payload: ho}", publish())).contains("payload").contains("\"hi\"");
    }

    @Test
    void wildcards_ranges_and_absent() throws Exception {
        assertThat(mismatch("{packet_id: '*', qos: '>=1', properties: {topic_alias: absent}}", publish())).isNull();
        assertThat(mismatch("{packet_id: '1..10'}", publish())).contains("packet_id");
        assertThat(mismatch("{properties: {message_expiry_interval: '<=30'}}", publish())).isNull();
        assertThat(mismatch("{properties: {content_type: '*'}}", publish())).contains("absent");
        assertThat(mismatch("{topic: 'a/*'}", publish())).isNull();
        assertThat(mismatch("{topic: 'b/*'}", publish())).isNotNull();
    }

    @Test
    void user_properties_compare_as_multiset() throws Exception {
        assertThat(mismatch("{properties: {user_properties: [[k, '2'], {name: k, value: '1'}]}}", publish())).isNull();
        assertThat(mismatch("{properties: {user_properties: [[k, '1']]}}", publish())).contains("any order");
        assertThat(mismatch("{properties: {user_properties: [[k, '1'], [k, '1']]}}", publish())).isNotNull();
    }

    @Test
    void reason_codes_match_by_wire_value_name_or_list_of_alternatives() throws Exception {
        Map<String, Object> suback = PacketView.of(new MqttSubAck(1, List.of(MqttSubAckReasonCode.GRANTED_QOS_1,
                MqttSubAckReasonCode.TOPIC_FILTER_INVALID), null), MqttVersion.MQTT_5);
        assertThat(mismatch("{reason_codes: [1, 0x8f]}", suback)).isNull();
        assertThat(mismatch("{reason_codes: [GRANTED_QOS_1, '>=0x80']}", suback)).isNull();
        assertThat(mismatch("{reason_codes: [[0, 1], 143]}", suback)).isNull();
        assertThat(mismatch("{reason_codes: [1]}", suback)).contains("1 element");
        assertThat(mismatch("{reason_codes: [2, 0x8f]}", suback)).contains("reason_codes[0]");
    }

    @Test
    void connack_return_code_of_3_1_1_is_the_wire_value() throws Exception {
        Map<String, Object> v3 = PacketView.of(new MqttConnAck(false,
                MqttConnectReasonCode.UNSUPPORTED_PROTOCOL_VERSION, null), MqttVersion.MQTT_3_1_1);
        assertThat(mismatch("{reason_code: 1}", v3)).isNull();
        assertThat(mismatch("{reason_code: UNSUPPORTED_PROTOCOL_VERSION}", v3)).isNull();
        assertThat(mismatch("{reason_code: 0x84}", v3)).isNotNull();
    }
}
