package io.mqttharness.codec;

import static io.mqttharness.codec.MqttCodecTestSupport.assertDecodeFails;
import static io.mqttharness.codec.MqttCodecTestSupport.assertEncodeRejected;
import static io.mqttharness.codec.MqttCodecTestSupport.assertRoundTrip;
import static io.mqttharness.codec.MqttCodecTestSupport.bytes;
import static io.mqttharness.codec.MqttCodecTestSupport.decode;
import static io.mqttharness.codec.MqttCodecTestSupport.encode;
import static io.mqttharness.codec.MqttCodecTestSupport.fullProperties;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.packet.MqttAuth;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPingReq;
import io.mqttharness.codec.packet.MqttPingResp;
import io.mqttharness.codec.reason.MqttAuthReasonCode;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import org.junit.jupiter.api.Test;

/** PINGREQ, PINGRESP, DISCONNECT, AUTH and the reserved packet types. */
class MqttControlCodecTest {
    private static final MqttVersion V3 = MqttVersion.MQTT_3_1_1;
    private static final MqttVersion V5 = MqttVersion.MQTT_5;
    private static final MqttDisconnectReasonCode MALFORMED = MqttDisconnectReasonCode.MALFORMED_PACKET;

    @Test
    void round_trips_ping_packets() {
        assertThat(MqttHex.format(assertRoundTrip(MqttPingReq.INSTANCE, V3))).isEqualTo("c0 00");
        assertThat(MqttHex.format(assertRoundTrip(MqttPingResp.INSTANCE, V5))).isEqualTo("d0 00");
    }

    @Test
    void decode_rejects_pingreq_flags_and_body() {
        assertDecodeFails(bytes(0xC1, 0x00), V3, MALFORMED, "MQTT-2.2.2-2");
        assertDecodeFails(bytes(0xD8, 0x00), V5, MALFORMED, "MQTT-2.1.3-1");
        assertDecodeFails(bytes(0xC0, 0x01, 0x00), V3, MALFORMED, null);
    }

    @Test
    void decodes_disconnect_short_forms() {
        // remaining length 0: Normal disconnection (MQTT 5.0 section 3.14.2.1)
        assertThat(decode(bytes(0xE0, 0x00), V5)).isEqualTo(MqttDisconnect.NORMAL);
        // remaining length 1: reason 0x04 with the property length omitted
        assertThat(decode(bytes(0xE0, 0x01, 0x04), V5)).isEqualTo(
                new MqttDisconnect(MqttDisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE, null));
    }

    @Test
    void encodes_disconnect_short_forms() {
        assertThat(MqttHex.format(encode(MqttDisconnect.NORMAL, V5))).isEqualTo("e0 00");
        assertThat(MqttHex.format(encode(MqttDisconnect.NORMAL, V3))).isEqualTo("e0 00");
        assertThat(MqttHex.format(encode(new MqttDisconnect(MqttDisconnectReasonCode.SERVER_BUSY, null), V5)))
                .isEqualTo("e0 01 89");
    }

    @Test
    void round_trips_v5_disconnect_with_full_property_set() {
        assertRoundTrip(new MqttDisconnect(MqttDisconnectReasonCode.SERVER_MOVED,
                fullProperties(MqttPacketType.DISCONNECT, false)), V5);
    }

    @Test
    void decode_rejects_disconnect_reserved_flags() {
        assertDecodeFails(bytes(0xE1, 0x00), V3, MALFORMED, "MQTT-3.14.1-1");
        assertDecodeFails(bytes(0xE2, 0x00), V5, MALFORMED, "MQTT-3.14.1-1");
    }

    @Test
    void decode_rejects_v311_disconnect_with_body() {
        assertDecodeFails(bytes(0xE0, 0x01, 0x00), V3, MALFORMED, null);
    }

    @Test
    void decode_rejects_undefined_disconnect_reason() {
        assertDecodeFails(bytes(0xE0, 0x01, 0x05), V5, MqttDisconnectReasonCode.PROTOCOL_ERROR, null);
    }

    @Test
    void encode_rejects_v311_disconnect_with_reason() {
        assertEncodeRejected(new MqttDisconnect(MqttDisconnectReasonCode.SERVER_BUSY, null), V3, "SERVER_BUSY");
    }

    @Test
    void decodes_auth_and_its_short_form() {
        assertThat(decode(bytes(0xF0, 0x00), V5)).isEqualTo(new MqttAuth(MqttAuthReasonCode.SUCCESS, null));
        byte[] packet = bytes(0xF0, 0x07,          // AUTH, remaining length 7
                0x18,                              // Continue authentication
                0x05, 0x15, 0x00, 0x02, 'm', '1'); // Authentication Method "m1"
        MqttAuth auth = (MqttAuth) decode(packet, V5);
        assertThat(auth.reasonCode()).isEqualTo(MqttAuthReasonCode.CONTINUE_AUTHENTICATION);
        assertThat(auth.properties().authenticationMethod()).isEqualTo("m1");
    }

    @Test
    void round_trips_auth_with_full_property_set() {
        assertRoundTrip(new MqttAuth(MqttAuthReasonCode.RE_AUTHENTICATE, fullProperties(MqttPacketType.AUTH, false)), V5);
        assertThat(MqttHex.format(assertRoundTrip(new MqttAuth(MqttAuthReasonCode.SUCCESS, null), V5))).isEqualTo("f0 00");
    }

    @Test
    void decode_rejects_auth_under_v311() {
        assertDecodeFails(bytes(0xF0, 0x00), V3, MALFORMED, null);
        assertDecodeFails(bytes(0xF0, 0x00), null, MALFORMED, null);
    }

    @Test
    void decode_rejects_auth_reserved_flags_and_undefined_reason() {
        assertDecodeFails(bytes(0xF1, 0x00), V5, MALFORMED, "MQTT-3.15.1-1");
        assertDecodeFails(bytes(0xF0, 0x02, 0x01, 0x00), V5, MqttDisconnectReasonCode.PROTOCOL_ERROR, null);
    }

    @Test
    void decode_rejects_auth_reason_without_property_length() {
        assertDecodeFails(bytes(0xF0, 0x01, 0x18), V5, MALFORMED, null);
    }

    @Test
    void encode_rejects_auth_under_v311() {
        assertEncodeRejected(new MqttAuth(MqttAuthReasonCode.SUCCESS, null), V3, "AUTH");
    }

    @Test
    void decode_rejects_reserved_packet_type_0() {
        assertDecodeFails(bytes(0x00, 0x00), V3, MALFORMED, null);
        assertDecodeFails(bytes(0x00, 0x00), V5, MALFORMED, null);
    }
}
