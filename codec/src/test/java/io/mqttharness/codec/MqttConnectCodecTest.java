package io.mqttharness.codec;

import static io.mqttharness.codec.MqttCodecTestSupport.assertDecodeFails;
import static io.mqttharness.codec.MqttCodecTestSupport.assertEncodeRejected;
import static io.mqttharness.codec.MqttCodecTestSupport.assertRoundTrip;
import static io.mqttharness.codec.MqttCodecTestSupport.bytes;
import static io.mqttharness.codec.MqttCodecTestSupport.decode;
import static io.mqttharness.codec.MqttCodecTestSupport.fullProperties;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttWill;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import org.junit.jupiter.api.Test;

class MqttConnectCodecTest {
    private static final MqttDisconnectReasonCode MALFORMED = MqttDisconnectReasonCode.MALFORMED_PACKET;
    private static final MqttDisconnectReasonCode PROTOCOL = MqttDisconnectReasonCode.PROTOCOL_ERROR;

    /** A 3.1.1 CONNECT with the given connect flags, client id "c" and no optional fields. */
    private static byte[] v311ConnectWithFlags(int flags) {
        return bytes(0x10, 0x0D,             // CONNECT, remaining length 13
                0x00, 0x04, 'M', 'Q', 'T', 'T', // protocol name
                0x04,                           // level 4 = 3.1.1
                flags,                          // connect flags
                0x00, 0x3C,                     // keep alive 60
                0x00, 0x01, 'c');               // client id "c"
    }

    /** A 5.0 CONNECT with the given connect flags, empty properties, client id "c". */
    private static byte[] v5ConnectWithFlags(int flags) {
        return bytes(0x10, 0x0E,             // CONNECT, remaining length 14
                0x00, 0x04, 'M', 'Q', 'T', 'T', // protocol name
                0x05,                           // level 5
                flags,                          // connect flags
                0x00, 0x3C,                     // keep alive 60
                0x00,                           // property length 0
                0x00, 0x01, 'c');               // client id "c"
    }

    @Test
    void decodes_minimal_v311_connect() {
        MqttConnect c = (MqttConnect) decode(v311ConnectWithFlags(0x02), null);
        assertThat(c).isEqualTo(new MqttConnect(MqttVersion.MQTT_3_1_1, true, 60, "c", null, null, null, null));
    }

    @Test
    void decodes_mqtt31_connect_with_mqisdp_protocol_name() {
        byte[] packet = bytes(0x10, 0x0F,                         // CONNECT, remaining length 15
                0x00, 0x06, 'M', 'Q', 'I', 's', 'd', 'p',         // protocol name MQIsdp
                0x03,                                             // level 3 = MQTT 3.1
                0x00,                                             // flags: nothing
                0x00, 0x0A,                                       // keep alive 10
                0x00, 0x01, 'x');                                 // client id "x"
        MqttConnect c = (MqttConnect) decode(packet, MqttVersion.MQTT_5);
        assertThat(c.version()).isEqualTo(MqttVersion.MQTT_3_1);
        assertThat(c.keepAliveSeconds()).isEqualTo(10);
        assertThat(c.cleanStart()).isFalse();
    }

    @Test
    void decodes_v5_connect_with_properties_will_and_credentials() {
        byte[] packet = bytes(0x10, 0x29,                  // CONNECT, remaining length 41
                0x00, 0x04, 'M', 'Q', 'T', 'T',            // protocol name
                0x05,                                      // level 5
                0xEE,                                      // user, password, will retain, will QoS 1, will, clean
                0x00, 0x00,                                // keep alive 0
                0x05, 0x11, 0x00, 0x00, 0x00, 0x0A,        // properties: Session Expiry Interval 10
                0x00, 0x02, 'i', 'd',                      // client id "id"
                0x05, 0x18, 0x00, 0x00, 0x00, 0x05,        // will properties: Will Delay Interval 5
                0x00, 0x01, 'w',                           // will topic "w"
                0x00, 0x02, 0x01, 0x02,                    // will payload 01 02
                0x00, 0x01, 'u',                           // user name "u"
                0x00, 0x03, 'p', 'w', 'd');                // password "pwd"
        MqttConnect c = (MqttConnect) decode(packet, null);
        assertThat(c.version()).isEqualTo(MqttVersion.MQTT_5);
        assertThat(c.properties().sessionExpiryInterval()).isEqualTo(10L);
        assertThat(c.will()).isEqualTo(new MqttWill("w", bytes(1, 2), MqttQos.AT_LEAST_ONCE, true,
                MqttProperties.builder().willDelayInterval(5L).build()));
        assertThat(c.username()).isEqualTo("u");
        assertThat(c.password()).containsExactly('p', 'w', 'd');
    }

    @Test
    void round_trips_v311_connect_with_will_and_credentials() {
        MqttConnect c = new MqttConnect(MqttVersion.MQTT_3_1_1, false, 65_535, "client-é", null,
                new MqttWill("will/topic", bytes(0, 1, 2), MqttQos.EXACTLY_ONCE, true, null), "user", bytes(1, 2));
        assertRoundTrip(c, MqttVersion.MQTT_3_1_1);
    }

    @Test
    void round_trips_mqtt31_connect() {
        assertRoundTrip(new MqttConnect(MqttVersion.MQTT_3_1, true, 30, "legacy", null, null, "u", null),
                MqttVersion.MQTT_3_1);
    }

    @Test
    void round_trips_v5_connect_with_full_property_sets() {
        MqttConnect c = new MqttConnect(MqttVersion.MQTT_5, true, 30, "", fullProperties(MqttPacketType.CONNECT, false),
                new MqttWill("w/t", bytes(5), MqttQos.AT_MOST_ONCE, false, fullProperties(MqttPacketType.CONNECT, true)),
                null, bytes(9));
        assertRoundTrip(c, MqttVersion.MQTT_5);
    }

    @Test
    void encoder_uses_the_connects_own_version() {
        MqttConnect c = new MqttConnect(MqttVersion.MQTT_5, true, 0, "c", null, null, null, null);
        byte[] encoded = MqttCodecTestSupport.encode(c, MqttVersion.MQTT_3_1_1);
        assertThat(encoded[8]).isEqualTo((byte) 5);
        assertThat(MqttPacketEncoder.encodedSize(c, null)).isEqualTo(encoded.length);
    }

    @Test
    void decode_rejects_connect_reserved_flag() {
        assertDecodeFails(v311ConnectWithFlags(0x03), null, MALFORMED, "MQTT-3.1.2-3");
        assertDecodeFails(v5ConnectWithFlags(0x01), null, MALFORMED, "MQTT-3.1.2-3");
    }

    @Test
    void decode_rejects_will_qos_without_will_flag() {
        assertDecodeFails(v311ConnectWithFlags(0x08), null, MALFORMED, "MQTT-3.1.2-13");
        assertDecodeFails(v5ConnectWithFlags(0x10), null, MALFORMED, "MQTT-3.1.2-11");
    }

    @Test
    void decode_rejects_will_retain_without_will_flag() {
        assertDecodeFails(v311ConnectWithFlags(0x20), null, MALFORMED, "MQTT-3.1.2-15");
        assertDecodeFails(v5ConnectWithFlags(0x20), null, MALFORMED, "MQTT-3.1.2-13");
    }

    @Test
    void decode_rejects_will_qos3() {
        assertDecodeFails(v311ConnectWithFlags(0x1C), null, MALFORMED, "MQTT-3.1.2-14");
        assertDecodeFails(v5ConnectWithFlags(0x1C), null, MALFORMED, "MQTT-3.1.2-12");
    }

    @Test
    void decode_rejects_password_without_username_in_v311() {
        assertDecodeFails(v311ConnectWithFlags(0x40), null, MALFORMED, "MQTT-3.1.2-22");
    }

    @Test
    void decode_accepts_password_without_username_in_v5() {
        byte[] packet = MqttRawPacketWriter.packet(0x10).utf8("MQTT").uint8(5).uint8(0x40).uint16(0).noProperties()
                .utf8("c").binary(bytes(7)).toByteArray();
        assertThat(((MqttConnect) decode(packet, null)).password()).containsExactly(7);
    }

    @Test
    void decode_rejects_unknown_protocol_name() {
        byte[] packet = MqttRawPacketWriter.packet(0x10).utf8("MQTX").uint8(4).uint8(0x02).uint16(0).utf8("c")
                .toByteArray();
        MqttDecodeException e = assertDecodeFails(packet, null, PROTOCOL, "MQTT-3.1.2-1");
        assertThat(e.unsupportedProtocolVersion()).isFalse();
    }

    @Test
    void decode_reports_unsupported_protocol_level_distinctly() {
        byte[] packet = MqttRawPacketWriter.packet(0x10).utf8("MQTT").uint8(6).uint8(0x02).uint16(0).utf8("c")
                .toByteArray();
        MqttDecodeException e = assertDecodeFails(packet, null, PROTOCOL, "MQTT-3.1.2-2");
        assertThat(e.unsupportedProtocolVersion()).isTrue();
        assertThat(e.protocolLevel()).isEqualTo(6);
    }

    @Test
    void decode_reports_protocol_name_level_mismatch_as_unsupported_version() {
        byte[] packet = MqttRawPacketWriter.packet(0x10).utf8("MQIsdp").uint8(4).uint8(0x02).uint16(0).utf8("c")
                .toByteArray();
        assertThat(assertDecodeFails(packet, null, PROTOCOL, "MQTT-3.1.2-2").protocolLevel()).isEqualTo(4);
    }

    @Test
    void decode_rejects_connect_fixed_header_flags() {
        byte[] packet = v311ConnectWithFlags(0x02);
        packet[0] = 0x11;
        assertDecodeFails(packet, null, MALFORMED, "MQTT-2.2.2-2");
        byte[] v5 = v5ConnectWithFlags(0x02);
        v5[0] = 0x18;
        assertDecodeFails(v5, null, MALFORMED, "MQTT-2.1.3-1");
    }

    @Test
    void decode_rejects_ill_formed_utf8_client_id() {
        byte[] packet = MqttRawPacketWriter.packet(0x10).utf8("MQTT").uint8(4).uint8(0x02).uint16(0)
                .utf8Bytes(bytes(0xC0, 0x80)).toByteArray();
        assertDecodeFails(packet, null, MALFORMED, "MQTT-1.5.3-1");
    }

    @Test
    void decode_rejects_nul_in_v5_user_name() {
        byte[] packet = MqttRawPacketWriter.packet(0x10).utf8("MQTT").uint8(5).uint8(0x82).uint16(0).noProperties()
                .utf8("c").utf8Bytes(bytes('a', 0)).toByteArray();
        assertDecodeFails(packet, null, MALFORMED, "MQTT-1.5.4-2");
    }

    @Test
    void decode_rejects_wildcard_will_topic() {
        byte[] packet = MqttRawPacketWriter.packet(0x10).utf8("MQTT").uint8(4).uint8(0x06).uint16(0).utf8("c")
                .utf8("a/#").binary(bytes()).toByteArray();
        assertDecodeFails(packet, null, MqttDisconnectReasonCode.TOPIC_NAME_INVALID, "MQTT-4.7.1-1");
    }

    @Test
    void decode_rejects_property_not_allowed_in_will() {
        byte[] packet = MqttRawPacketWriter.packet(0x10).utf8("MQTT").uint8(5).uint8(0x06).uint16(0).noProperties()
                .utf8("c").properties(p -> p.fourByteProperty(0x11, 1)) // Session Expiry in Will Properties
                .utf8("w").binary(bytes()).toByteArray();
        assertDecodeFails(packet, null, MALFORMED, null);
    }

    @Test
    void decode_rejects_authentication_data_without_method() {
        byte[] packet = MqttRawPacketWriter.packet(0x10).utf8("MQTT").uint8(5).uint8(0x02).uint16(0)
                .properties(p -> p.binaryProperty(0x16, bytes(1))).utf8("c").toByteArray();
        assertDecodeFails(packet, null, PROTOCOL, null);
    }

    @Test
    void decode_rejects_missing_password_field() {
        // password flag set but the packet ends after the user name
        byte[] packet = MqttRawPacketWriter.packet(0x10).utf8("MQTT").uint8(4).uint8(0xC2).uint16(0).utf8("c")
                .utf8("u").toByteArray();
        assertDecodeFails(packet, null, MALFORMED, null);
    }

    @Test
    void decode_rejects_trailing_bytes_after_connect() {
        byte[] packet = MqttRawPacketWriter.packet(0x10).utf8("MQTT").uint8(4).uint8(0x02).uint16(0).utf8("c")
                .uint8(0).toByteArray();
        assertDecodeFails(packet, null, MALFORMED, null);
    }

    @Test
    void encode_rejects_password_without_username_in_v311() {
        assertEncodeRejected(new MqttConnect(MqttVersion.MQTT_3_1_1, true, 0, "c", null, null, null, bytes(1)),
                MqttVersion.MQTT_3_1_1, "password");
    }

    @Test
    void encode_rejects_properties_in_v311_connect() {
        MqttProperties props = MqttProperties.builder().sessionExpiryInterval(1L).build();
        assertEncodeRejected(new MqttConnect(MqttVersion.MQTT_3_1_1, true, 0, "c", props, null, null, null),
                MqttVersion.MQTT_3_1_1, "no properties");
    }

    @Test
    void encode_rejects_will_property_not_allowed_in_will() {
        MqttWill will = new MqttWill("t", bytes(), MqttQos.AT_MOST_ONCE, false,
                MqttProperties.builder().sessionExpiryInterval(1L).build());
        assertEncodeRejected(new MqttConnect(MqttVersion.MQTT_5, true, 0, "c", null, will, null, null),
                MqttVersion.MQTT_5, "Will Properties");
    }
}
