package io.mqttharness.codec;

import static io.mqttharness.codec.MqttCodecTestSupport.assertDecodeFails;
import static io.mqttharness.codec.MqttCodecTestSupport.assertEncodeRejected;
import static io.mqttharness.codec.MqttCodecTestSupport.assertRoundTrip;
import static io.mqttharness.codec.MqttCodecTestSupport.bytes;
import static io.mqttharness.codec.MqttCodecTestSupport.decode;
import static io.mqttharness.codec.MqttCodecTestSupport.encode;
import static io.mqttharness.codec.MqttCodecTestSupport.fullProperties;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import org.junit.jupiter.api.Test;

class MqttConnAckCodecTest {
    private static final MqttVersion V3 = MqttVersion.MQTT_3_1_1;
    private static final MqttVersion V5 = MqttVersion.MQTT_5;

    @Test
    void decodes_v311_connack_return_code() {
        // CONNACK, remaining length 2, session present 0, return code 5 (not authorized)
        assertThat(decode(bytes(0x20, 0x02, 0x00, 0x05), V3))
                .isEqualTo(new MqttConnAck(false, MqttConnectReasonCode.NOT_AUTHORIZED, null));
    }

    @Test
    void decodes_v5_connack_with_properties() {
        byte[] packet = bytes(0x20, 0x08,         // CONNACK, remaining length 8
                0x01,                             // session present
                0x00,                             // Success
                0x05,                             // property length 5
                0x21, 0x00, 0x0A,                 // Receive Maximum 10
                0x24, 0x01);                      // Maximum QoS 1
        MqttConnAck a = (MqttConnAck) decode(packet, V5);
        assertThat(a.sessionPresent()).isTrue();
        assertThat(a.properties().receiveMaximum()).isEqualTo(10);
        assertThat(a.properties().maximumQos()).isEqualTo(1);
    }

    @Test
    void round_trips_connack_in_both_versions() {
        assertRoundTrip(new MqttConnAck(true, MqttConnectReasonCode.SUCCESS, null), V3);
        assertRoundTrip(new MqttConnAck(false, MqttConnectReasonCode.BAD_USER_NAME_OR_PASSWORD, null), V3);
        assertRoundTrip(new MqttConnAck(true, MqttConnectReasonCode.SUCCESS, fullProperties(MqttPacketType.CONNACK, false)),
                V5);
    }

    @Test
    void encodes_v311_return_code_for_mapped_reason() {
        assertThat(MqttHex.format(encode(new MqttConnAck(false, MqttConnectReasonCode.UNSUPPORTED_PROTOCOL_VERSION, null),
                V3))).isEqualTo("20 02 00 01");
        assertThat(MqttHex.format(encode(new MqttConnAck(false, MqttConnectReasonCode.UNSUPPORTED_PROTOCOL_VERSION, null),
                V5))).isEqualTo("20 03 00 84 00");
    }

    @Test
    void encode_rejects_v311_connack_reason_without_return_code() {
        assertEncodeRejected(new MqttConnAck(false, MqttConnectReasonCode.BANNED, null), V3, "BANNED");
    }

    @Test
    void decode_rejects_reserved_acknowledge_flags() {
        assertDecodeFails(bytes(0x20, 0x03, 0x02, 0x00, 0x00), V5, MqttDisconnectReasonCode.MALFORMED_PACKET,
                "MQTT-3.2.2-1");
        assertDecodeFails(bytes(0x20, 0x02, 0x80, 0x00), V3, MqttDisconnectReasonCode.MALFORMED_PACKET, null);
    }

    @Test
    void decode_rejects_session_present_with_error_code() {
        assertDecodeFails(bytes(0x20, 0x02, 0x01, 0x02), V3, MqttDisconnectReasonCode.PROTOCOL_ERROR, "MQTT-3.2.2-4");
        assertDecodeFails(bytes(0x20, 0x03, 0x01, 0x85, 0x00), V5, MqttDisconnectReasonCode.PROTOCOL_ERROR,
                "MQTT-3.2.2-6");
    }

    @Test
    void decode_rejects_undefined_return_code() {
        assertDecodeFails(bytes(0x20, 0x02, 0x00, 0x06), V3, MqttDisconnectReasonCode.PROTOCOL_ERROR, null);
        assertDecodeFails(bytes(0x20, 0x03, 0x00, 0x01, 0x00), V5, MqttDisconnectReasonCode.PROTOCOL_ERROR, null);
    }

    @Test
    void decode_rejects_v5_connack_without_property_length() {
        assertDecodeFails(bytes(0x20, 0x02, 0x00, 0x00), V5, MqttDisconnectReasonCode.MALFORMED_PACKET, null);
    }
}
