package io.mqttharness.codec;

import static io.mqttharness.codec.MqttCodecTestSupport.assertDecodeFails;
import static io.mqttharness.codec.MqttCodecTestSupport.assertEncodeRejected;
import static io.mqttharness.codec.MqttCodecTestSupport.bytes;
import static io.mqttharness.codec.MqttCodecTestSupport.decode;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.packet.MqttSubscribe;
import io.mqttharness.codec.packet.MqttSubscription;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Property-list rules of MQTT 5.0 section 2.2.2, exercised through DISCONNECT, CONNACK, CONNECT and PUBLISH. */
class MqttPropertiesCodecTest {
    private static final MqttVersion V5 = MqttVersion.MQTT_5;
    private static final MqttDisconnectReasonCode MALFORMED = MqttDisconnectReasonCode.MALFORMED_PACKET;
    private static final MqttDisconnectReasonCode PROTOCOL = MqttDisconnectReasonCode.PROTOCOL_ERROR;

    private static byte[] disconnectWith(Consumer<MqttRawPacketWriter.Properties> props) {
        return MqttRawPacketWriter.packet(0xE0).uint8(0x00).properties(props).toByteArray();
    }

    private static byte[] connAckWith(Consumer<MqttRawPacketWriter.Properties> props) {
        return MqttRawPacketWriter.packet(0x20).uint8(0).uint8(0).properties(props).toByteArray();
    }

    private static byte[] connectWith(Consumer<MqttRawPacketWriter.Properties> props) {
        return MqttRawPacketWriter.packet(0x10).utf8("MQTT").uint8(5).uint8(0x02).uint16(0).properties(props)
                .utf8("c").toByteArray();
    }

    private static byte[] publishWith(Consumer<MqttRawPacketWriter.Properties> props) {
        return MqttRawPacketWriter.packet(0x30).utf8("t").properties(props).toByteArray();
    }

    @Test
    void decodes_user_properties_in_wire_order_with_repeated_names() {
        MqttDisconnect d = (MqttDisconnect) decode(disconnectWith(p -> p.userProperty("k", "1").userProperty("a", "2")
                .userProperty("k", "3")), V5);
        assertThat(d.properties().userProperties()).containsExactly(new MqttUserProperty("k", "1"),
                new MqttUserProperty("a", "2"), new MqttUserProperty("k", "3"));
    }

    @Test
    void decode_rejects_unknown_property_identifier() {
        assertDecodeFails(disconnectWith(p -> p.byteProperty(0x04, 0)), V5, MALFORMED, null);
        assertDecodeFails(disconnectWith(p -> p.byteProperty(0x7F, 0)), V5, MALFORMED, null);
    }

    @Test
    void decode_rejects_property_not_valid_for_the_packet_type() {
        // Topic Alias belongs to PUBLISH only
        assertDecodeFails(disconnectWith(p -> p.twoByteProperty(0x23, 1)), V5, MALFORMED, null);
        // Will Delay Interval is a will property, never a packet property
        assertDecodeFails(connectWith(p -> p.fourByteProperty(0x18, 1)), V5, MALFORMED, null);
    }

    @Test
    void decode_rejects_duplicate_property() {
        assertDecodeFails(disconnectWith(p -> p.fourByteProperty(0x11, 1).fourByteProperty(0x11, 2)), V5, PROTOCOL, null);
        assertDecodeFails(disconnectWith(p -> p.utf8Property(0x1F, "a").utf8Property(0x1F, "b")), V5, PROTOCOL, null);
    }

    @Test
    void decode_rejects_receive_maximum_zero() {
        assertDecodeFails(connectWith(p -> p.twoByteProperty(0x21, 0)), V5, PROTOCOL, null);
    }

    @Test
    void decode_rejects_maximum_packet_size_zero() {
        assertDecodeFails(connAckWith(p -> p.fourByteProperty(0x27, 0)), V5, PROTOCOL, null);
    }

    @Test
    void decode_rejects_topic_alias_zero() {
        assertDecodeFails(publishWith(p -> p.twoByteProperty(0x23, 0)), V5, MqttDisconnectReasonCode.TOPIC_ALIAS_INVALID,
                "MQTT-3.3.2-8");
    }

    @Test
    void decode_rejects_subscription_identifier_zero_on_publish() {
        assertDecodeFails(publishWith(p -> p.vbiProperty(0x0B, 0)), V5, PROTOCOL, null);
    }

    @Test
    void decode_rejects_byte_flags_other_than_0_or_1() {
        assertDecodeFails(connAckWith(p -> p.byteProperty(0x24, 2)), V5, PROTOCOL, null);      // Maximum QoS
        assertDecodeFails(connAckWith(p -> p.byteProperty(0x25, 2)), V5, PROTOCOL, null);      // Retain Available
        assertDecodeFails(connAckWith(p -> p.byteProperty(0x28, 0xFF)), V5, PROTOCOL, null);   // Wildcard Sub Available
        assertDecodeFails(connectWith(p -> p.byteProperty(0x17, 2)), V5, PROTOCOL, null);      // Request Problem Info
        assertDecodeFails(connectWith(p -> p.byteProperty(0x19, 2)), V5, PROTOCOL, null);      // Request Response Info
        assertDecodeFails(publishWith(p -> p.byteProperty(0x01, 2)), V5, PROTOCOL, null);      // Payload Format
    }

    @Test
    void decode_rejects_property_length_exceeding_the_packet() {
        byte[] packet = MqttRawPacketWriter.packet(0xE0).uint8(0).properties(10, p -> p.byteProperty(0x17, 1))
                .toByteArray();
        assertDecodeFails(packet, V5, MALFORMED, null);
    }

    @Test
    void decode_rejects_property_value_running_past_the_property_length() {
        // property length 2 announces Session Expiry Interval (id + 4 bytes) but holds only 2 bytes
        byte[] packet = bytes(0xE0, 0x04, 0x00, 0x02, 0x11, 0x00);
        assertDecodeFails(packet, V5, MALFORMED, null);
    }

    @Test
    void decode_rejects_non_minimal_property_length() {
        byte[] packet = bytes(0xE0, 0x03, 0x00, 0x80, 0x00);
        assertDecodeFails(packet, V5, MALFORMED, "MQTT-1.5.5-1");
    }

    @Test
    void decode_rejects_ill_formed_utf8_in_user_property() {
        assertDecodeFails(disconnectWith(p -> p.bytes(0x26, 0x00, 0x01, 'a', 0x00, 0x01, 0xFF)), V5, MALFORMED,
                "MQTT-1.5.4-1");
    }

    @Test
    void decode_rejects_wildcard_response_topic() {
        assertDecodeFails(publishWith(p -> p.utf8Property(0x08, "reply/+")), V5, PROTOCOL, "MQTT-3.3.2-14");
    }

    @Test
    void decode_accepts_properties_in_any_order() {
        MqttPublish p = (MqttPublish) decode(publishWith(x -> x.utf8Property(0x03, "ct").byteProperty(0x01, 1)
                .fourByteProperty(0x02, 9)), V5);
        assertThat(p.properties()).isEqualTo(MqttProperties.builder().contentType("ct").payloadFormatIndicator(1)
                .messageExpiryInterval(9L).build());
    }

    @Test
    void encode_rejects_property_not_allowed_on_packet() {
        assertEncodeRejected(new MqttConnAck(false, MqttConnectReasonCode.SUCCESS,
                MqttProperties.builder().topicAlias(1).build()), V5, "TOPIC_ALIAS");
    }

    @Test
    void encode_rejects_two_subscription_identifiers_on_subscribe() {
        assertEncodeRejected(new MqttSubscribe(1, List.of(new MqttSubscription("a", MqttQos.AT_MOST_ONCE)),
                MqttProperties.builder().subscriptionIdentifiers(List.of(1, 2)).build()), V5, "one Subscription");
    }

    @Test
    void encode_rejects_out_of_range_values() {
        assertEncodeRejected(new MqttConnAck(false, MqttConnectReasonCode.SUCCESS,
                MqttProperties.builder().receiveMaximum(70_000).build()), V5, "RECEIVE_MAXIMUM");
        assertEncodeRejected(new MqttConnAck(false, MqttConnectReasonCode.SUCCESS,
                MqttProperties.builder().sessionExpiryInterval(-1L).build()), V5, "SESSION_EXPIRY_INTERVAL");
    }

    @Test
    void encode_rejects_properties_under_v311_but_accepts_empty_ones() {
        assertEncodeRejected(new MqttDisconnect(MqttDisconnectReasonCode.NORMAL_DISCONNECTION,
                MqttProperties.builder().reasonString("x").build()), MqttVersion.MQTT_3_1_1, "no properties");
        assertThat(MqttPacketEncoder.encodedSize(MqttDisconnect.NORMAL, MqttVersion.MQTT_3_1_1)).isEqualTo(2);
    }
}
