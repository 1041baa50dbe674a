package io.mqttharness.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;

class MqttRawPacketWriterTest {

    @Test
    void hex_parses_with_and_without_spaces_in_either_case() {
        assertThat(MqttHex.parse("10 0c 00 04 4D 51 54 54")).containsExactly(0x10, 0x0C, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54);
        assertThat(MqttHex.parse("100c\n0004")).containsExactly(0x10, 0x0C, 0x00, 0x04);
        assertThat(MqttHex.parse("")).isEmpty();
    }

    @Test
    void hex_rejects_odd_digit_count_and_non_hex_characters() {
        assertThatThrownBy(() -> MqttHex.parse("10 0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odd");
        assertThatThrownBy(() -> MqttHex.parse("1g")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 1");
    }

    @Test
    void hex_formats_lower_case_with_spaces() {
        assertThat(MqttHex.format(new byte[] {0x10, (byte) 0xFF, 0x0A})).isEqualTo("10 ff 0a");
        assertThat(MqttHex.format(new byte[0])).isEmpty();
    }

    @Test
    void computes_remaining_length_from_the_body() {
        byte[] packet = MqttRawPacketWriter.packet(0x10).utf8("MQTT").uint8(4).uint8(2).uint16(60).utf8("c")
                .toByteArray();
        assertThat(MqttHex.format(packet)).isEqualTo("10 0d 00 04 4d 51 54 54 04 02 00 3c 00 01 63");
    }

    @Test
    void writes_explicit_and_verbatim_remaining_lengths() {
        assertThat(MqttRawPacketWriter.packet(0xC0).remainingLength(300).toHex()).isEqualTo("c0 ac 02");
        assertThat(MqttRawPacketWriter.packet(0xC0).remainingLengthBytes(0x80, 0x80, 0x80, 0x80, 0x01).toHex())
                .isEqualTo("c0 80 80 80 80 01");
        assertThat(MqttRawPacketWriter.packet(MqttPacketType.PINGREQ, 0x0F).toHex()).isEqualTo("cf 00");
    }

    @Test
    void writes_primitives_without_validation() {
        String hex = MqttRawPacketWriter.packet(0x30)
                .uint8(0x1FF).uint16(0xABCD).uint32(0xDEADBEEFL).vbi(268_435_456L)
                .utf8(10, "a").utf8Bytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}).binary(new byte[] {1})
                .hex("ff")
                .toHex();
        assertThat(hex).isEqualTo("30 18 ff ab cd de ad be ef 80 80 80 80 01 00 0a 61 00 03 ed a0 80 00 01 01 ff");
    }

    @Test
    void writes_properties_in_any_order_with_duplicates_and_unknown_ids() {
        String hex = MqttRawPacketWriter.packet(0xE0).uint8(0)
                .properties(p -> p.fourByteProperty(0x11, 1).fourByteProperty(0x11, 2).byteProperty(0x7F, 0)
                        .userProperty("a", "b").vbiProperty(0x0B, 0))
                .toHex();
        assertThat(hex).isEqualTo("e0 17 00 15 11 00 00 00 01 11 00 00 00 02 7f 00 26 00 01 61 00 01 62 0b 00");
    }

    @Test
    void writes_property_length_that_lies() {
        String hex = MqttRawPacketWriter.packet(0xE0).uint8(0).properties(100, p -> p.byteProperty(0x17, 1)).toHex();
        assertThat(hex).isEqualTo("e0 04 00 64 17 01");
    }

    @Test
    void to_byte_buf_holds_the_same_bytes() {
        MqttRawPacketWriter writer = MqttRawPacketWriter.packet(0xC0);
        ByteBuf buf = writer.toByteBuf();
        assertThat(MqttHex.format(buf)).isEqualTo("c0 00");
        buf.release();
    }
}
