package io.mqttharness.codec;

import static io.mqttharness.codec.MqttCodecTestSupport.assertDecodeFails;
import static io.mqttharness.codec.MqttCodecTestSupport.assertEncodeRejected;
import static io.mqttharness.codec.MqttCodecTestSupport.assertRoundTrip;
import static io.mqttharness.codec.MqttCodecTestSupport.bytes;
import static io.mqttharness.codec.MqttCodecTestSupport.decode;
import static io.mqttharness.codec.MqttCodecTestSupport.encode;
import static io.mqttharness.codec.MqttCodecTestSupport.fullProperties;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.mqttharness.codec.reason.MqttPubAckReasonCode;
import io.mqttharness.codec.reason.MqttPubCompReasonCode;
import io.mqttharness.codec.reason.MqttPubRecReasonCode;
import io.mqttharness.codec.reason.MqttPubRelReasonCode;
import org.junit.jupiter.api.Test;

class MqttPublishAckCodecTest {
    private static final MqttVersion V3 = MqttVersion.MQTT_3_1_1;
    private static final MqttVersion V5 = MqttVersion.MQTT_5;

    @Test
    void decodes_v311_puback() {
        // PUBACK, remaining length 2, packet identifier 0x0102
        assertThat(decode(bytes(0x40, 0x02, 0x01, 0x02), V3)).isEqualTo(new MqttPubAck(0x0102));
    }

    @Test
    void decodes_v5_puback_short_form_as_success() {
        // MQTT 5.0 section 3.4.2.1: remaining length 2 means Success without properties
        assertThat(decode(bytes(0x40, 0x02, 0x00, 0x07), V5)).isEqualTo(new MqttPubAck(7));
    }

    @Test
    void decodes_v5_puback_with_reason_code_and_no_property_length() {
        // packet identifier 7, reason 0x10 No matching subscribers, property length omitted
        assertThat(decode(bytes(0x40, 0x03, 0x00, 0x07, 0x10), V5))
                .isEqualTo(new MqttPubAck(7, MqttPubAckReasonCode.NO_MATCHING_SUBSCRIBERS, null));
    }

    @Test
    void decodes_v5_pubrec_with_reason_string() {
        byte[] packet = bytes(0x50, 0x08,       // PUBREC, remaining length 8
                0x00, 0x01,                     // packet identifier 1
                0x80,                           // reason 0x80 Unspecified error
                0x04, 0x1F, 0x00, 0x01, 'x');   // properties: Reason String "x"
        MqttPubRec rec = (MqttPubRec) decode(packet, V5);
        assertThat(rec.reasonCode()).isEqualTo(MqttPubRecReasonCode.UNSPECIFIED_ERROR);
        assertThat(rec.properties().reasonString()).isEqualTo("x");
    }

    @Test
    void encodes_v5_acks_in_their_short_forms() {
        assertThat(MqttHex.format(encode(new MqttPubAck(5), V5))).isEqualTo("40 02 00 05");
        assertThat(MqttHex.format(encode(new MqttPubRel(5), V5))).isEqualTo("62 02 00 05");
        assertThat(MqttHex.format(encode(new MqttPubComp(5, MqttPubCompReasonCode.PACKET_IDENTIFIER_NOT_FOUND, null),
                V5))).isEqualTo("70 03 00 05 92");
    }

    @Test
    void round_trips_all_four_acks_in_v311() {
        assertRoundTrip(new MqttPubAck(1), V3);
        assertRoundTrip(new MqttPubRec(2), V3);
        assertRoundTrip(new MqttPubRel(3), V3);
        assertRoundTrip(new MqttPubComp(65_535), V3);
    }

    @Test
    void round_trips_all_four_acks_in_v5_with_full_property_sets() {
        assertRoundTrip(new MqttPubAck(1, MqttPubAckReasonCode.QUOTA_EXCEEDED,
                fullProperties(MqttPacketType.PUBACK, false)), V5);
        assertRoundTrip(new MqttPubRec(2, MqttPubRecReasonCode.SUCCESS, fullProperties(MqttPacketType.PUBREC, false)), V5);
        assertRoundTrip(new MqttPubRel(3, MqttPubRelReasonCode.PACKET_IDENTIFIER_NOT_FOUND,
                fullProperties(MqttPacketType.PUBREL, false)), V5);
        assertRoundTrip(new MqttPubComp(4, MqttPubCompReasonCode.SUCCESS, fullProperties(MqttPacketType.PUBCOMP, false)),
                V5);
    }

    @Test
    void decode_rejects_pubrel_with_flags_0() {
        assertDecodeFails(bytes(0x60, 0x02, 0x00, 0x01), V3, MqttDisconnectReasonCode.MALFORMED_PACKET, "MQTT-3.6.1-1");
        assertDecodeFails(bytes(0x60, 0x02, 0x00, 0x01), V5, MqttDisconnectReasonCode.MALFORMED_PACKET, "MQTT-3.6.1-1");
    }

    @Test
    void decode_rejects_puback_with_reserved_flags_set() {
        assertDecodeFails(bytes(0x42, 0x02, 0x00, 0x01), V3, MqttDisconnectReasonCode.MALFORMED_PACKET, "MQTT-2.2.2-2");
        assertDecodeFails(bytes(0x71, 0x02, 0x00, 0x01), V5, MqttDisconnectReasonCode.MALFORMED_PACKET, "MQTT-2.1.3-1");
    }

    @Test
    void decode_rejects_ack_packet_identifier_zero() {
        assertDecodeFails(bytes(0x50, 0x02, 0x00, 0x00), V5, MqttDisconnectReasonCode.PROTOCOL_ERROR, "MQTT-2.2.1-3");
    }

    @Test
    void decode_rejects_v311_ack_with_reason_code() {
        assertDecodeFails(bytes(0x40, 0x03, 0x00, 0x01, 0x00), V3, MqttDisconnectReasonCode.MALFORMED_PACKET, null);
    }

    @Test
    void decode_rejects_undefined_puback_reason_code() {
        assertDecodeFails(bytes(0x40, 0x03, 0x00, 0x01, 0x92), V5, MqttDisconnectReasonCode.PROTOCOL_ERROR, null);
    }

    @Test
    void decode_rejects_ack_shorter_than_packet_identifier() {
        assertDecodeFails(bytes(0x40, 0x01, 0x00), V3, MqttDisconnectReasonCode.MALFORMED_PACKET, null);
    }

    @Test
    void decode_rejects_trailing_bytes_after_ack_properties() {
        assertDecodeFails(bytes(0x40, 0x05, 0x00, 0x01, 0x00, 0x00, 0xFF), V5,
                MqttDisconnectReasonCode.MALFORMED_PACKET, null);
    }

    @Test
    void encode_rejects_v311_ack_with_error_reason() {
        assertEncodeRejected(new MqttPubAck(1, MqttPubAckReasonCode.NOT_AUTHORIZED, null), V3, "NOT_AUTHORIZED");
    }

    @Test
    void encode_rejects_packet_identifier_out_of_range() {
        assertEncodeRejected(new MqttPubAck(0), V3, "packet identifier");
        assertEncodeRejected(new MqttPubComp(65_536), V5, "packet identifier");
    }
}
