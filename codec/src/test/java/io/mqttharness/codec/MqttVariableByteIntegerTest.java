package io.mqttharness.codec;

import static io.mqttharness.codec.MqttCodecTestSupport.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MqttVariableByteIntegerTest {

    @ParameterizedTest(name = "{0} <-> {1}")
    @CsvSource({
        "0, 00",
        "127, 7f",
        "128, 80 01",
        "16383, ff 7f",
        "16384, 80 80 01",
        "2097151, ff ff 7f",
        "2097152, 80 80 80 01",
        "268435455, ff ff ff 7f",
    })
    void encodes_and_decodes_the_boundary_values_of_section_1_5_5(int value, String hex) {
        byte[] expected = MqttHex.parse(hex);
        ByteBuf buf = Unpooled.buffer();
        MqttVariableByteInteger.write(buf, value);
        assertThat(MqttHex.format(buf)).isEqualTo(hex);
        assertThat(MqttVariableByteInteger.size(value)).isEqualTo(expected.length);
        assertThat(MqttVariableByteInteger.read(Unpooled.wrappedBuffer(expected))).isEqualTo(value);
    }

    @Test
    void read_advances_past_the_integer_only() {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes(0x80, 0x01, 0xAA));
        assertThat(MqttVariableByteInteger.read(buf)).isEqualTo(128);
        assertThat(buf.readableBytes()).isEqualTo(1);
    }

    @Test
    void decode_rejects_five_byte_encoding() {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x7F));
        assertThatThrownBy(() -> MqttVariableByteInteger.read(buf))
                .isInstanceOfSatisfying(MqttDecodeException.class, e -> {
                    assertThat(e.reasonCode()).isEqualTo(MqttDisconnectReasonCode.MALFORMED_PACKET);
                    assertThat(e.statementId()).isEqualTo("MQTT-1.5.5-1");
                });
    }

    @Test
    void decode_rejects_non_minimal_encoding_of_zero() {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes(0x80, 0x00));
        assertThatThrownBy(() -> MqttVariableByteInteger.read(buf))
                .isInstanceOfSatisfying(MqttDecodeException.class, e -> {
                    assertThat(e.reasonCode()).isEqualTo(MqttDisconnectReasonCode.MALFORMED_PACKET);
                    assertThat(e.statementId()).isEqualTo("MQTT-1.5.5-1");
                });
    }

    @Test
    void decode_rejects_non_minimal_four_byte_encoding_of_127() {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes(0xFF, 0x80, 0x80, 0x00));
        assertThatThrownBy(() -> MqttVariableByteInteger.read(buf)).isInstanceOf(MqttDecodeException.class)
                .hasMessageContaining("minimum number of bytes");
    }

    @Test
    void decode_of_truncated_integer_is_malformed() {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes(0x80, 0x80));
        assertThatThrownBy(() -> MqttVariableByteInteger.read(buf))
                .isInstanceOfSatisfying(MqttDecodeException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(MqttDisconnectReasonCode.MALFORMED_PACKET));
    }

    @Test
    void peek_reports_incomplete_without_moving_indexes() {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes(0x80, 0x80));
        assertThat(MqttVariableByteInteger.peek(buf, 0, 2, MqttVersion.MQTT_5))
                .isEqualTo(MqttVariableByteInteger.INCOMPLETE);
        assertThat(buf.readerIndex()).isZero();
    }

    @Test
    void peek_rejects_continuation_on_fourth_byte_without_waiting_for_a_fifth() {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes(0x80, 0x80, 0x80, 0x80));
        assertThatThrownBy(() -> MqttVariableByteInteger.peek(buf, 0, 4, MqttVersion.MQTT_3_1_1))
                .isInstanceOfSatisfying(MqttDecodeException.class, e -> assertThat(e.statementId()).isNull());
    }

    @Test
    void write_rejects_values_above_the_maximum() {
        assertThatThrownBy(() -> MqttVariableByteInteger.size(268_435_456)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MqttVariableByteInteger.write(Unpooled.buffer(), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
