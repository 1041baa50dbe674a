package io.mqttharness.codec;

import static io.mqttharness.codec.MqttCodecTestSupport.assertDecodeFails;
import static io.mqttharness.codec.MqttCodecTestSupport.assertEncodeRejected;
import static io.mqttharness.codec.MqttCodecTestSupport.assertRoundTrip;
import static io.mqttharness.codec.MqttCodecTestSupport.bytes;
import static io.mqttharness.codec.MqttCodecTestSupport.decode;
import static io.mqttharness.codec.MqttCodecTestSupport.fullProperties;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.packet.MqttSubAck;
import io.mqttharness.codec.packet.MqttSubscribe;
import io.mqttharness.codec.packet.MqttSubscription;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.mqttharness.codec.reason.MqttSubAckReasonCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class MqttSubscribeCodecTest {
    private static final MqttVersion V3 = MqttVersion.MQTT_3_1_1;
    private static final MqttVersion V5 = MqttVersion.MQTT_5;
    private static final MqttDisconnectReasonCode MALFORMED = MqttDisconnectReasonCode.MALFORMED_PACKET;
    private static final MqttDisconnectReasonCode PROTOCOL = MqttDisconnectReasonCode.PROTOCOL_ERROR;

    /** A v5 SUBSCRIBE of filter {@code filter} with options byte {@code options}. */
    private static byte[] v5Subscribe(String filter, int options) {
        return MqttRawPacketWriter.packet(0x82).uint16(1).noProperties().utf8(filter).uint8(options).toByteArray();
    }

    @Test
    void decodes_v311_subscribe_with_two_filters() {
        byte[] packet = bytes(0x82, 0x0C,           // SUBSCRIBE, flags 0010, remaining length 12
                0x00, 0x0A,                         // packet identifier 10
                0x00, 0x03, 'a', '/', '+', 0x01,    // "a/+" QoS 1
                0x00, 0x01, '#', 0x02);             // "#" QoS 2
        assertThat(decode(packet, V3)).isEqualTo(new MqttSubscribe(10, List.of(
                new MqttSubscription("a/+", MqttQos.AT_LEAST_ONCE), new MqttSubscription("#", MqttQos.EXACTLY_ONCE)),
                null));
    }

    @Test
    void decodes_v5_subscription_options() {
        // options 0x2D: Retain Handling 2, Retain As Published, No Local, QoS 1
        MqttSubscribe s = (MqttSubscribe) decode(v5Subscribe("a", 0x2D), V5);
        assertThat(s.subscriptions()).containsExactly(new MqttSubscription("a", MqttQos.AT_LEAST_ONCE, true, true, 2));
    }

    @Test
    void decodes_v5_shared_subscription() {
        MqttSubscribe s = (MqttSubscribe) decode(v5Subscribe("$share/g/a/#", 0x00), V5);
        assertThat(s.subscriptions().get(0).topicFilter()).isEqualTo("$share/g/a/#");
    }

    @Test
    void round_trips_v311_subscribe() {
        assertRoundTrip(new MqttSubscribe(65_535, List.of(new MqttSubscription("x/+/y", MqttQos.AT_MOST_ONCE),
                new MqttSubscription("é/#", MqttQos.EXACTLY_ONCE)), null), V3);
    }

    @Test
    void round_trips_v5_subscribe_with_full_property_set() {
        assertRoundTrip(new MqttSubscribe(3, List.of(new MqttSubscription("a", MqttQos.EXACTLY_ONCE, true, false, 1),
                new MqttSubscription("$share/grp/b/+", MqttQos.AT_LEAST_ONCE, false, true, 2)),
                fullProperties(MqttPacketType.SUBSCRIBE, false)), V5);
    }

    @Test
    void round_trips_suback_in_both_versions() {
        assertRoundTrip(new MqttSubAck(9, List.of(MqttSubAckReasonCode.GRANTED_QOS_0, MqttSubAckReasonCode.GRANTED_QOS_2,
                MqttSubAckReasonCode.UNSPECIFIED_ERROR), null), V3);
        assertRoundTrip(new MqttSubAck(9, List.of(MqttSubAckReasonCode.GRANTED_QOS_1,
                MqttSubAckReasonCode.WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED), fullProperties(MqttPacketType.SUBACK, false)), V5);
    }

    @Test
    void decodes_v311_suback() {
        // SUBACK, remaining length 4, packet identifier 1, return codes 0x01 and 0x80
        MqttSubAck a = (MqttSubAck) decode(bytes(0x90, 0x04, 0x00, 0x01, 0x01, 0x80), V3);
        assertThat(a.reasonCodes()).containsExactly(MqttSubAckReasonCode.GRANTED_QOS_1,
                MqttSubAckReasonCode.UNSPECIFIED_ERROR);
    }

    @Test
    void decode_rejects_subscribe_with_flags_0() {
        byte[] packet = bytes(0x80, 0x06, 0x00, 0x01, 0x00, 0x01, 'a', 0x00);
        assertDecodeFails(packet, V3, MALFORMED, "MQTT-3.8.1-1");
        assertDecodeFails(packet, V5, MALFORMED, "MQTT-3.8.1-1");
    }

    @Test
    void decode_rejects_subscribe_without_topic_filter() {
        assertDecodeFails(bytes(0x82, 0x02, 0x00, 0x01), V3, PROTOCOL, "MQTT-3.8.3-3");
        assertDecodeFails(bytes(0x82, 0x03, 0x00, 0x01, 0x00), V5, PROTOCOL, "MQTT-3.8.3-2");
    }

    @Test
    void decode_rejects_subscribe_packet_identifier_zero() {
        assertDecodeFails(bytes(0x82, 0x06, 0x00, 0x00, 0x00, 0x01, 'a', 0x00), V3, PROTOCOL, "MQTT-2.3.1-1");
    }

    @Test
    void decode_rejects_v311_reserved_bits_in_requested_qos() {
        byte[] packet = bytes(0x82, 0x06, 0x00, 0x01, 0x00, 0x01, 'a', 0x04);
        assertDecodeFails(packet, V3, MALFORMED, "MQTT-3-8.3-4");
    }

    @Test
    void decode_rejects_v311_requested_qos3() {
        byte[] packet = bytes(0x82, 0x06, 0x00, 0x01, 0x00, 0x01, 'a', 0x03);
        assertDecodeFails(packet, V3, MALFORMED, "MQTT-3-8.3-4");
    }

    @Test
    void decode_rejects_v5_reserved_subscription_option_bits() {
        assertDecodeFails(v5Subscribe("a", 0x40), V5, MALFORMED, "MQTT-3.8.3-5");
        assertDecodeFails(v5Subscribe("a", 0x80), V5, MALFORMED, "MQTT-3.8.3-5");
    }

    @Test
    void decode_rejects_v5_maximum_qos3() {
        assertDecodeFails(v5Subscribe("a", 0x03), V5, PROTOCOL, null);
    }

    @Test
    void decode_rejects_retain_handling_3() {
        assertDecodeFails(v5Subscribe("a", 0x30), V5, PROTOCOL, null);
    }

    @Test
    void decode_rejects_no_local_on_shared_subscription() {
        assertDecodeFails(v5Subscribe("$share/g/a", 0x04), V5, PROTOCOL, "MQTT-3.8.3-4");
    }

    @Test
    void decode_rejects_invalid_share_name() {
        assertDecodeFails(v5Subscribe("$share//a", 0x00), V5, MALFORMED, "MQTT-4.8.2-1");
        assertDecodeFails(v5Subscribe("$share/g+/a", 0x00), V5, MALFORMED, "MQTT-4.8.2-2");
    }

    @Test
    void decode_rejects_misplaced_wildcards_in_filter() {
        assertDecodeFails(MqttRawPacketWriter.packet(0x82).uint16(1).utf8("a/#/b").uint8(0).toByteArray(), V3,
                MALFORMED, "MQTT-4.7.1-2");
        assertDecodeFails(v5Subscribe("a+", 0), V5, MALFORMED, "MQTT-4.7.1-2");
        assertDecodeFails(v5Subscribe("", 0), V5, MALFORMED, "MQTT-4.7.3-1");
    }

    @Test
    void decode_rejects_subscription_identifier_zero_and_repeated() {
        byte[] zero = MqttRawPacketWriter.packet(0x82).uint16(1).properties(p -> p.vbiProperty(0x0B, 0))
                .utf8("a").uint8(0).toByteArray();
        assertDecodeFails(zero, V5, PROTOCOL, null);
        byte[] twice = MqttRawPacketWriter.packet(0x82).uint16(1)
                .properties(p -> p.vbiProperty(0x0B, 1).vbiProperty(0x0B, 2)).utf8("a").uint8(0).toByteArray();
        assertDecodeFails(twice, V5, PROTOCOL, null);
    }

    @Test
    void decode_rejects_subscribe_missing_options_byte() {
        assertDecodeFails(bytes(0x82, 0x05, 0x00, 0x01, 0x00, 0x01, 'a'), V3, MALFORMED, null);
    }

    @Test
    void decode_rejects_undefined_suback_return_code() {
        assertDecodeFails(bytes(0x90, 0x03, 0x00, 0x01, 0x03), V3, PROTOCOL, "MQTT-3.9.3-2");
        assertDecodeFails(bytes(0x90, 0x03, 0x00, 0x01, 0x87), V3, PROTOCOL, "MQTT-3.9.3-2");
        assertDecodeFails(bytes(0x90, 0x04, 0x00, 0x01, 0x00, 0x05), V5, PROTOCOL, null);
    }

    @Test
    void encode_rejects_v5_options_under_v311() {
        assertEncodeRejected(new MqttSubscribe(1, List.of(new MqttSubscription("a", MqttQos.AT_MOST_ONCE, true, false, 0)),
                null), V3, "No Local");
    }

    @Test
    void encode_rejects_empty_subscribe() {
        assertEncodeRejected(new MqttSubscribe(1, List.of(), null), V5, "at least one");
    }

    @Test
    void encode_rejects_v5_only_suback_code_under_v311() {
        assertEncodeRejected(new MqttSubAck(1, List.of(MqttSubAckReasonCode.NOT_AUTHORIZED), null), V3, "NOT_AUTHORIZED");
    }
}
