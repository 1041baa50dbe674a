package io.mqttharness.codec;

import static io.mqttharness.codec.MqttCodecTestSupport.assertDecodeFails;
import static io.mqttharness.codec.MqttCodecTestSupport.assertEncodeRejected;
import static io.mqttharness.codec.MqttCodecTestSupport.assertRoundTrip;
import static io.mqttharness.codec.MqttCodecTestSupport.bytes;
import static io.mqttharness.codec.MqttCodecTestSupport.decode;
import static io.mqttharness.codec.MqttCodecTestSupport.encode;
import static io.mqttharness.codec.MqttCodecTestSupport.fullProperties;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class MqttPublishCodecTest {
    private static final MqttVersion V3 = MqttVersion.MQTT_3_1_1;
    private static final MqttVersion V5 = MqttVersion.MQTT_5;

    @Test
    void decodes_v311_qos1_publish() {
        byte[] packet = bytes(0x3B,               // PUBLISH, DUP 1, QoS 1, RETAIN 1
                0x09,                             // remaining length 9
                0x00, 0x03, 'a', '/', 'b',        // topic "a/b"
                0x12, 0x34,                       // packet identifier 0x1234
                'h', 'i');                        // payload "hi"
        assertThat(decode(packet, V3)).isEqualTo(
                new MqttPublish(true, MqttQos.AT_LEAST_ONCE, true, "a/b", 0x1234, null, bytes('h', 'i')));
    }

    @Test
    void decodes_v5_qos0_publish_with_topic_alias_and_empty_topic() {
        byte[] packet = bytes(0x30,               // PUBLISH QoS 0
                0x07,                             // remaining length 7
                0x00, 0x00,                       // empty topic name
                0x03, 0x23, 0x00, 0x05,           // properties: Topic Alias 5
                'x');                             // payload
        MqttPublish p = (MqttPublish) decode(packet, V5);
        assertThat(p.topic()).isEmpty();
        assertThat(p.properties().topicAlias()).isEqualTo(5);
        assertThat(p.packetId()).isZero();
    }

    @Test
    void decodes_publish_with_empty_payload() {
        byte[] packet = bytes(0x30, 0x03, 0x00, 0x01, 't');
        assertThat(((MqttPublish) decode(packet, V3)).payload()).isEmpty();
    }

    @Test
    void round_trips_v311_publish_at_every_qos() {
        for (MqttQos qos : MqttQos.values()) {
            int id = qos == MqttQos.AT_MOST_ONCE ? 0 : 65_535;
            assertRoundTrip(new MqttPublish(false, qos, false, "sensors/é/temp", id, null, bytes(1, 2, 3)), V3);
        }
    }

    @Test
    void round_trips_v5_publish_with_full_property_set() {
        MqttPublish p = new MqttPublish(true, MqttQos.EXACTLY_ONCE, true, "t", 7,
                fullProperties(MqttPacketType.PUBLISH, false), new byte[4096]);
        assertRoundTrip(p, V5);
    }

    @Test
    void round_trips_large_publish_with_three_byte_remaining_length() {
        MqttPublish p = new MqttPublish(false, MqttQos.AT_LEAST_ONCE, false, "big", 1, null, new byte[70_000]);
        byte[] encoded = assertRoundTrip(p, V3);
        assertThat(encoded).hasSize(1 + 3 + 5 + 2 + 70_000);
    }

    @Test
    void encodes_exact_bytes_of_v5_qos0_publish_without_properties() {
        MqttPublish p = new MqttPublish(false, MqttQos.AT_MOST_ONCE, false, "a", 0, null, bytes('z'));
        assertThat(MqttHex.format(encode(p, V5))).isEqualTo("30 05 00 01 61 00 7a");
    }

    @Test
    void encoder_drops_packet_id_of_qos0_publish() {
        MqttPublish p = new MqttPublish(false, MqttQos.AT_MOST_ONCE, false, "a", 9, null, bytes());
        assertThat(MqttHex.format(encode(p, V3))).isEqualTo("30 03 00 01 61");
    }

    @Test
    void decode_rejects_qos3_publish() {
        byte[] packet = bytes(0x36, 0x05, 0x00, 0x01, 't', 0x00, 0x01);
        assertDecodeFails(packet, V3, MqttDisconnectReasonCode.MALFORMED_PACKET, "MQTT-3.3.1-4");
        assertDecodeFails(packet, V5, MqttDisconnectReasonCode.MALFORMED_PACKET, "MQTT-3.3.1-4");
    }

    @Test
    void decode_rejects_dup_on_qos0_publish() {
        byte[] packet = bytes(0x38, 0x03, 0x00, 0x01, 't');
        assertDecodeFails(packet, V3, MqttDisconnectReasonCode.PROTOCOL_ERROR, "MQTT-3.3.1-2");
    }

    @Test
    void decode_rejects_packet_identifier_zero() {
        byte[] packet = bytes(0x32, 0x05, 0x00, 0x01, 't', 0x00, 0x00);
        assertDecodeFails(packet, V3, MqttDisconnectReasonCode.PROTOCOL_ERROR, "MQTT-2.3.1-1");
        byte[] v5 = bytes(0x34, 0x06, 0x00, 0x01, 't', 0x00, 0x00, 0x00);
        assertDecodeFails(v5, V5, MqttDisconnectReasonCode.PROTOCOL_ERROR, "MQTT-2.2.1-3");
    }

    @Test
    void decode_rejects_wildcard_in_topic_name() {
        byte[] packet = bytes(0x30, 0x05, 0x00, 0x03, 'a', '/', '+');
        assertDecodeFails(packet, V3, MqttDisconnectReasonCode.TOPIC_NAME_INVALID, "MQTT-3.3.2-2");
        byte[] hash = bytes(0x30, 0x04, 0x00, 0x01, '#', 0x00);
        assertDecodeFails(hash, V5, MqttDisconnectReasonCode.TOPIC_NAME_INVALID, "MQTT-3.3.2-2");
    }

    @Test
    void decode_rejects_empty_topic_without_alias() {
        assertDecodeFails(bytes(0x30, 0x02, 0x00, 0x00), V3, MqttDisconnectReasonCode.MALFORMED_PACKET, "MQTT-4.7.3-1");
        assertDecodeFails(bytes(0x30, 0x03, 0x00, 0x00, 0x00), V5, MqttDisconnectReasonCode.PROTOCOL_ERROR,
                "MQTT-4.7.3-1");
    }

    @Test
    void decode_rejects_ill_formed_utf8_topic() {
        byte[] packet = bytes(0x30, 0x05, 0x00, 0x03, 0xED, 0xA0, 0x80);
        assertDecodeFails(packet, V3, MqttDisconnectReasonCode.MALFORMED_PACKET, "MQTT-1.5.3-1");
    }

    @Test
    void decode_rejects_publish_too_short_for_packet_identifier() {
        byte[] packet = bytes(0x32, 0x04, 0x00, 0x01, 't', 0x01);
        assertDecodeFails(packet, V3, MqttDisconnectReasonCode.MALFORMED_PACKET, null);
    }

    @Test
    void decode_accepts_multiple_subscription_identifiers_on_publish() {
        byte[] packet = MqttRawPacketWriter.packet(0x30).utf8("t")
                .properties(p -> p.vbiProperty(0x0B, 1).vbiProperty(0x0B, 200)).toByteArray();
        assertThat(((MqttPublish) decode(packet, V5)).properties().subscriptionIdentifiers()).containsExactly(1, 200);
    }

    @Test
    void encode_rejects_properties_under_v311() {
        MqttPublish p = new MqttPublish(false, MqttQos.AT_MOST_ONCE, false, "t", 0,
                MqttProperties.builder().messageExpiryInterval(5L).build(), bytes());
        assertEncodeRejected(p, V3, "no properties");
    }

    @Test
    void encode_ignores_empty_properties_under_v311() {
        MqttPublish p = new MqttPublish(false, MqttQos.AT_MOST_ONCE, false, "t", 0, MqttProperties.EMPTY, bytes());
        assertRoundTrip(p, V3);
    }

    @Test
    void encode_rejects_property_not_allowed_on_publish() {
        MqttPublish p = new MqttPublish(false, MqttQos.AT_MOST_ONCE, false, "t", 0,
                MqttProperties.builder().reasonString("no").build(), bytes());
        assertEncodeRejected(p, V5, "REASON_STRING");
    }

    @Test
    void encode_rejects_qos1_publish_without_packet_identifier() {
        assertEncodeRejected(new MqttPublish(false, MqttQos.AT_LEAST_ONCE, false, "t", 0, null, bytes()), V3,
                "packet identifier");
    }

    @Test
    void encode_rejects_topic_with_nul_character() {
        assertEncodeRejected(new MqttPublish(false, MqttQos.AT_MOST_ONCE, false, "a\u0000", 0, null, bytes()), V3,
                "U+0000");
    }

    @Test
    void round_trips_publish_with_user_properties_in_order() {
        MqttProperties props = MqttProperties.builder().userProperties(List.of(
                new MqttUserProperty("b", "1"), new MqttUserProperty("a", "2"), new MqttUserProperty("b", "3"))).build();
        assertRoundTrip(new MqttPublish(false, MqttQos.AT_MOST_ONCE, false, "t", 0, props, bytes()), V5);
    }
}
