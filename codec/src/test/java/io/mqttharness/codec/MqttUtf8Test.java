package io.mqttharness.codec;

import static io.mqttharness.codec.MqttCodecTestSupport.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MqttUtf8Test {

    private static String read(byte[] prefixed, MqttVersion version) {
        return MqttUtf8.read(Unpooled.wrappedBuffer(prefixed), version);
    }

    private static void assertRejected(byte[] prefixed, MqttVersion version, String statementId) {
        assertThatThrownBy(() -> read(prefixed, version)).isInstanceOfSatisfying(MqttDecodeException.class, e -> {
            assertThat(e.reasonCode()).isEqualTo(MqttDisconnectReasonCode.MALFORMED_PACKET);
            assertThat(e.statementId()).isEqualTo(statementId);
        });
    }

    @Test
    void reads_ascii_string() {
        // length 00 03, "a/b"
        assertThat(read(bytes(0x00, 0x03, 'a', '/', 'b'), MqttVersion.MQTT_5)).isEqualTo("a/b");
    }

    @Test
    void reads_multi_byte_characters_of_every_length() {
        // "é" C3 A9, "€" E2 82 AC, U+1F600 F0 9F 98 80
        assertThat(read(bytes(0x00, 0x09, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80), MqttVersion.MQTT_5))
                .isEqualTo("é€\uD83D\uDE00");
    }

    @Test
    void keeps_a_byte_order_mark() {
        // MQTT-1.5.4-3: EF BB BF must not be skipped or stripped
        assertThat(read(bytes(0x00, 0x04, 0xEF, 0xBB, 0xBF, 'x'), MqttVersion.MQTT_5)).isEqualTo("\uFEFFx");
    }

    @Test
    void reads_from_direct_buffer() {
        ByteBuf direct = Unpooled.directBuffer();
        direct.writeBytes(bytes(0x00, 0x02, 0xC3, 0xA9, 0x01));
        assertThat(MqttUtf8.read(direct, MqttVersion.MQTT_5)).isEqualTo("é");
        assertThat(direct.readableBytes()).isEqualTo(1);
        direct.release();
    }

    @Test
    void decode_rejects_nul_character_in_v5() {
        assertRejected(bytes(0x00, 0x02, 'a', 0x00), MqttVersion.MQTT_5, "MQTT-1.5.4-2");
    }

    @Test
    void decode_rejects_nul_character_in_v311() {
        assertRejected(bytes(0x00, 0x01, 0x00), MqttVersion.MQTT_3_1_1, "MQTT-1.5.3-2");
    }

    @Test
    void decode_rejects_encoded_surrogate() {
        // ED A0 80 would be U+D800
        assertRejected(bytes(0x00, 0x03, 0xED, 0xA0, 0x80), MqttVersion.MQTT_5, "MQTT-1.5.4-1");
        assertRejected(bytes(0x00, 0x03, 0xED, 0xBF, 0xBF), MqttVersion.MQTT_3_1_1, "MQTT-1.5.3-1");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "c0 80",       // overlong NUL
        "c1 bf",       // overlong
        "e0 80 80",    // overlong 3-byte
        "f0 80 80 80", // overlong 4-byte
        "f4 90 80 80", // above U+10FFFF
        "f5 80 80 80", // invalid lead byte
        "80",          // lone continuation
        "c3",          // truncated 2-byte
        "e2 82",       // truncated 3-byte
        "c3 28",       // bad continuation
        "ff",          // never valid
    })
    void decode_rejects_ill_formed_utf8(String hex) {
        byte[] content = MqttHex.parse(hex);
        byte[] prefixed = new byte[content.length + 2];
        prefixed[1] = (byte) content.length;
        System.arraycopy(content, 0, prefixed, 2, content.length);
        assertRejected(prefixed, MqttVersion.MQTT_5, "MQTT-1.5.4-1");
    }

    @Test
    void decode_rejects_length_beyond_the_packet() {
        assertThatThrownBy(() -> read(bytes(0x00, 0x05, 'a'), MqttVersion.MQTT_5))
                .isInstanceOf(MqttDecodeException.class).hasMessageContaining("exceeds");
    }

    @Test
    void encoded_length_counts_utf8_bytes() {
        assertThat(MqttUtf8.encodedLength("aé€\uD83D\uDE00")).isEqualTo(1 + 2 + 3 + 4);
        assertThat(MqttUtf8.size("")).isEqualTo(2);
    }

    @Test
    void encode_rejects_nul_unpaired_surrogate_and_overlong_strings() {
        assertThatThrownBy(() -> MqttUtf8.encodedLength("a\u0000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MqttUtf8.encodedLength("\uD800x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MqttUtf8.encodedLength("\uDC00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MqttUtf8.encodedLength("€".repeat(21_846)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
        assertThat(MqttUtf8.encodedLength("a".repeat(65_535))).isEqualTo(65_535);
    }

    @Test
    void write_puts_length_prefix_and_bytes_into_an_exactly_sized_buffer() {
        ByteBuf buf = Unpooled.buffer(7, 7);
        MqttUtf8.write(buf, "é€");
        assertThat(MqttHex.format(buf)).isEqualTo("00 05 c3 a9 e2 82 ac");
        assertThat(buf.capacity()).isEqualTo(7);
    }

    @Test
    void payload_validation_accepts_utf8_including_nul() {
        assertThat(MqttUtf8.isWellFormedPayload(bytes('h', 0x00, 0xC3, 0xA9))).isTrue();
        MqttUtf8.validatePayload("plain text".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void payload_validation_rejects_ill_formed_utf8_with_payload_format_invalid() {
        assertThatThrownBy(() -> MqttUtf8.validatePayload(bytes('a', 0xFF)))
                .isInstanceOfSatisfying(MqttDecodeException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(MqttDisconnectReasonCode.PAYLOAD_FORMAT_INVALID));
    }
}
