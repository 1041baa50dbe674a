package io.mqttharness.codec;

import static io.mqttharness.codec.MqttCodecTestSupport.assertDecodeFails;
import static io.mqttharness.codec.MqttCodecTestSupport.assertEncodeRejected;
import static io.mqttharness.codec.MqttCodecTestSupport.assertRoundTrip;
import static io.mqttharness.codec.MqttCodecTestSupport.bytes;
import static io.mqttharness.codec.MqttCodecTestSupport.decode;
import static io.mqttharness.codec.MqttCodecTestSupport.encode;
import static io.mqttharness.codec.MqttCodecTestSupport.fullProperties;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.packet.MqttUnsubAck;
import io.mqttharness.codec.packet.MqttUnsubscribe;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.mqttharness.codec.reason.MqttUnsubAckReasonCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class MqttUnsubscribeCodecTest {
    private static final MqttVersion V3 = MqttVersion.MQTT_3_1_1;
    private static final MqttVersion V5 = MqttVersion.MQTT_5;

    @Test
    void decodes_v311_unsubscribe() {
        byte[] packet = bytes(0xA2, 0x07,           // UNSUBSCRIBE, flags 0010, remaining length 7
                0x00, 0x02,                         // packet identifier 2
                0x00, 0x03, 'a', '/', '#');         // filter "a/#"
        assertThat(decode(packet, V3)).isEqualTo(new MqttUnsubscribe(2, List.of("a/#"), null));
    }

    @Test
    void decodes_v5_unsuback_with_reason_codes() {
        byte[] packet = bytes(0xB0, 0x05,           // UNSUBACK, remaining length 5
                0x00, 0x02,                         // packet identifier 2
                0x00,                               // property length 0
                0x00, 0x11);                        // Success, No subscription existed
        assertThat(decode(packet, V5)).isEqualTo(new MqttUnsubAck(2, List.of(MqttUnsubAckReasonCode.SUCCESS,
                MqttUnsubAckReasonCode.NO_SUBSCRIPTION_EXISTED), null));
    }

    @Test
    void round_trips_unsubscribe_in_both_versions() {
        assertRoundTrip(new MqttUnsubscribe(1, List.of("a", "b/+", "$share/g/c"), null), V3);
        assertRoundTrip(new MqttUnsubscribe(1, List.of("a", "$share/g/#"),
                fullProperties(MqttPacketType.UNSUBSCRIBE, false)), V5);
    }

    @Test
    void round_trips_unsuback_in_both_versions() {
        assertRoundTrip(new MqttUnsubAck(4, List.of(), null), V3);
        assertRoundTrip(new MqttUnsubAck(4, List.of(MqttUnsubAckReasonCode.NOT_AUTHORIZED),
                fullProperties(MqttPacketType.UNSUBACK, false)), V5);
    }

    @Test
    void encodes_v311_unsuback_without_payload_even_with_success_codes() {
        MqttUnsubAck ack = new MqttUnsubAck(4, List.of(MqttUnsubAckReasonCode.SUCCESS), null);
        assertThat(MqttHex.format(encode(ack, V3))).isEqualTo("b0 02 00 04");
    }

    @Test
    void decode_rejects_unsubscribe_without_topic_filter() {
        assertDecodeFails(bytes(0xA2, 0x02, 0x00, 0x01), V3, MqttDisconnectReasonCode.PROTOCOL_ERROR, "MQTT-3.10.3-2");
        assertDecodeFails(bytes(0xA2, 0x03, 0x00, 0x01, 0x00), V5, MqttDisconnectReasonCode.PROTOCOL_ERROR,
                "MQTT-3.10.3-2");
    }

    @Test
    void decode_rejects_unsubscribe_with_flags_0() {
        assertDecodeFails(bytes(0xA0, 0x05, 0x00, 0x01, 0x00, 0x01, 'a'), V3, MqttDisconnectReasonCode.MALFORMED_PACKET,
                "MQTT-3.10.1-1");
    }

    @Test
    void decode_rejects_invalid_unsubscribe_filter() {
        assertDecodeFails(bytes(0xA2, 0x06, 0x00, 0x01, 0x00, 0x02, 'a', '#'), V3,
                MqttDisconnectReasonCode.MALFORMED_PACKET, "MQTT-4.7.1-2");
    }

    @Test
    void decode_rejects_v311_unsuback_with_payload() {
        assertDecodeFails(bytes(0xB0, 0x03, 0x00, 0x01, 0x00), V3, MqttDisconnectReasonCode.MALFORMED_PACKET, null);
    }

    @Test
    void decode_rejects_undefined_unsuback_reason_code() {
        assertDecodeFails(bytes(0xB0, 0x04, 0x00, 0x01, 0x00, 0x01), V5, MqttDisconnectReasonCode.PROTOCOL_ERROR, null);
    }

    @Test
    void encode_rejects_v311_unsuback_with_error_code() {
        assertEncodeRejected(new MqttUnsubAck(1, List.of(MqttUnsubAckReasonCode.NOT_AUTHORIZED), null), V3,
                "NOT_AUTHORIZED");
    }

    @Test
    void encode_rejects_property_not_allowed_on_unsubscribe() {
        assertEncodeRejected(new MqttUnsubscribe(1, List.of("a"),
                MqttProperties.builder().reasonString("x").build()), V5, "REASON_STRING");
    }
}
