package io.mqttharness.codec;

import static io.mqttharness.codec.MqttCodecTestSupport.assertDecodeFails;
import static io.mqttharness.codec.MqttCodecTestSupport.bytes;
import static io.mqttharness.codec.MqttCodecTestSupport.decode;
import static io.mqttharness.codec.MqttCodecTestSupport.fullProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.codec.encode.MqttPropertiesEncoder;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PUBLISH hot path: the eight-bytes-at-a-time ASCII scan of topics (and its hand-over to the strict scan),
 * the bulk payload copy and the one-pass PUBLISH encoder, on heap and direct buffers.
 */
class MqttPublishFastPathTest {
    private static final MqttVersion V3 = MqttVersion.MQTT_3_1_1;
    private static final MqttVersion V5 = MqttVersion.MQTT_5;
    private static final ByteBufAllocator HEAP = new UnpooledByteBufAllocator(false);
    private static final ByteBufAllocator DIRECT = new UnpooledByteBufAllocator(true);
    /** 24 ASCII bytes: three whole words for the fast scan. */
    private static final String ASCII_24 = "sensors/b-7/floor-3/temp";

    /** A QoS 0 PUBLISH (fixed header 0x30) with the given raw topic bytes and a one-byte payload. */
    private static byte[] publishWithTopicBytes(byte[] topic) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);                          // PUBLISH, QoS 0
        out.write(2 + topic.length + 1);          // remaining length (< 128 in these tests)
        out.write(topic.length >> 8);             // topic length MSB
        out.write(topic.length);                  // topic length LSB
        out.writeBytes(topic);                    // topic bytes
        out.write('p');                           // payload
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] encodeWith(MqttPublish p, MqttVersion version, ByteBufAllocator allocator) {
        ByteBuf buf = MqttPacketEncoder.encode(p, version, allocator);
        try {
            assertThat(buf.readableBytes()).as("encodedSize").isEqualTo(MqttPacketEncoder.encodedSize(p, version));
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 9, 15, 16, 17, 47, 64})
    void decode_reads_ascii_topics_of_lengths_around_word_boundaries(int length) {
        String topic = "abcdefgh/".repeat(8).substring(0, length);
        MqttPublish p = (MqttPublish) decode(publishWithTopicBytes(ascii(topic)), V3);
        assertThat(p.topic()).isEqualTo(topic);
    }

    @Test
    void decode_rejects_nul_at_every_position_of_a_long_ascii_topic() {
        for (int i = 0; i < ASCII_24.length(); i++) {
            byte[] topic = ascii(ASCII_24);
            topic[i] = 0x00;
            assertDecodeFails(publishWithTopicBytes(topic), V3, MqttDisconnectReasonCode.MALFORMED_PACKET,
                    "MQTT-1.5.3-2");
            assertDecodeFails(publishWithTopicBytes(topic), V5, MqttDisconnectReasonCode.MALFORMED_PACKET,
                    "MQTT-1.5.4-2");
        }
    }

    @Test
    void decode_rejects_lone_high_byte_at_every_position_of_a_long_ascii_topic() {
        for (int i = 0; i < ASCII_24.length(); i++) {
            byte[] topic = ascii(ASCII_24);
            topic[i] = (byte) 0x80; // continuation byte without a lead byte
            assertDecodeFails(publishWithTopicBytes(topic), V3, MqttDisconnectReasonCode.MALFORMED_PACKET,
                    "MQTT-1.5.3-1");
        }
    }

    @Test
    void decode_rejects_surrogate_after_a_long_ascii_prefix() {
        // 16 ASCII bytes, then ED A0 80 (U+D800, a surrogate), then more ASCII
        byte[] topic = bytes('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p',
                0xED, 0xA0, 0x80, 'x', 'y');
        assertDecodeFails(publishWithTopicBytes(topic), V5, MqttDisconnectReasonCode.MALFORMED_PACKET,
                "MQTT-1.5.4-1");
    }

    @Test
    void decode_rejects_overlong_nul_after_a_long_ascii_prefix() {
        // 9 ASCII bytes, then C0 80 (an overlong encoding of U+0000)
        byte[] topic = bytes('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 0xC0, 0x80);
        assertDecodeFails(publishWithTopicBytes(topic), V3, MqttDisconnectReasonCode.MALFORMED_PACKET,
                "MQTT-1.5.3-1");
    }

    @Test
    void decode_reads_non_ascii_topic_after_a_long_ascii_prefix() {
        String topic = "building-7/floor-3/é/€/\uD83D\uDE00/end";
        MqttPublish p = (MqttPublish) decode(publishWithTopicBytes(topic.getBytes(StandardCharsets.UTF_8)), V3);
        assertThat(p.topic()).isEqualTo(topic);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 8, 12, 23})
    void decode_rejects_wildcards_at_any_position_of_a_long_topic(int position) {
        for (char wildcard : new char[] {'+', '#'}) {
            byte[] topic = ascii(ASCII_24);
            topic[position] = (byte) wildcard;
            assertDecodeFails(publishWithTopicBytes(topic), V3, MqttDisconnectReasonCode.TOPIC_NAME_INVALID,
                    "MQTT-3.3.2-2");
        }
    }

    @Test
    void decode_reports_multi_byte_property_identifiers_as_variable_byte_integers() {
        // DISCONNECT, remaining 4, reason 0x00, property length 2, identifier 81 00 (1 in a non-minimal encoding)
        assertDecodeFails(bytes(0xE0, 0x04, 0x00, 0x02, 0x81, 0x00), V5, MqttDisconnectReasonCode.MALFORMED_PACKET,
                "MQTT-1.5.5-1");
        // identifier 80 01 = 128: minimal, but no such property
        MqttDecodeException unknown = assertDecodeFails(bytes(0xE0, 0x04, 0x00, 0x02, 0x80, 0x01), V5,
                MqttDisconnectReasonCode.MALFORMED_PACKET, null);
        assertThat(unknown).hasMessageContaining("unknown property identifier 0x80");
        // identifier 80 cut off by the property length 1
        MqttDecodeException cut = assertDecodeFails(bytes(0xE0, 0x03, 0x00, 0x01, 0x80), V5,
                MqttDisconnectReasonCode.MALFORMED_PACKET, null);
        assertThat(cut).hasMessageContaining("variable byte integer");
    }

    @Test
    void decoded_payload_is_a_copy_of_heap_input() {
        byte[] packet = publishWithTopicBytes(ascii("t"));
        MqttPublish p = (MqttPublish) decode(packet, V3);
        packet[packet.length - 1] = 'X'; // the input buffer is reused by the next read
        assertThat(p.payload()).containsExactly('p');
    }

    @Test
    void decodes_topic_and_payload_from_direct_buffer() {
        byte[] packet = publishWithTopicBytes(ascii(ASCII_24));
        ByteBuf direct = Unpooled.directBuffer(packet.length);
        try {
            direct.writeBytes(packet, 2, packet.length - 2); // body only: after fixed header and length
            MqttPublish p = (MqttPublish) MqttPacketDecoder.decode(0x30, direct, V3);
            assertThat(p.topic()).isEqualTo(ASCII_24);
            assertThat(p.payload()).containsExactly('p');
            assertThat(direct.isReadable()).isFalse();
        } finally {
            direct.release();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "sensors/building-7/floor-3/room-42/temperature", "sensors/é/€/\uD83D\uDE00"})
    void encode_writes_the_same_bytes_into_heap_and_direct_buffers(String topic) {
        MqttPublish p = new MqttPublish(false, MqttQos.AT_LEAST_ONCE, false, topic, 42, null, bytes(1, 2, 3));
        byte[] heap = encodeWith(p, V3, HEAP);
        assertThat(encodeWith(p, V3, DIRECT)).isEqualTo(heap);
        byte[] utf8 = topic.getBytes(StandardCharsets.UTF_8);
        assertThat(heap).hasSize(1 + 1 + 2 + utf8.length + 2 + 3);
        assertThat(java.util.Arrays.copyOfRange(heap, 4, 4 + utf8.length)).isEqualTo(utf8);
        assertThat(decode(heap, V3)).isEqualTo(p);
    }

    @Test
    void encode_v5_publish_with_properties_round_trips_through_heap_and_direct_buffers() {
        MqttPublish p = new MqttPublish(false, MqttQos.EXACTLY_ONCE, true, "replies/é", 9,
                fullProperties(MqttPacketType.PUBLISH, false), new byte[300]);
        byte[] heap = encodeWith(p, V5, HEAP);
        assertThat(encodeWith(p, V5, DIRECT)).isEqualTo(heap);
        assertThat(decode(heap, V5)).isEqualTo(p);
    }

    @Test
    void encode_rejects_nul_and_unpaired_surrogate_in_topic_with_any_allocator() {
        for (ByteBufAllocator allocator : List.of(HEAP, DIRECT)) {
            for (String topic : new String[] {"abcdefgh\u0000", "abcdefgh\uD800x"}) {
                MqttPublish p = new MqttPublish(false, MqttQos.AT_MOST_ONCE, false, topic, 0, null, bytes());
                assertThatThrownBy(() -> MqttPacketEncoder.encode(p, V3, allocator))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    void encode_rejects_publish_without_version() {
        MqttPublish p = new MqttPublish(false, MqttQos.AT_MOST_ONCE, false, "t", 0, null, bytes());
        assertThatThrownBy(() -> MqttPacketEncoder.encode(p, null, HEAP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no protocol version");
    }

    @Test
    void utf8_write_with_known_length_honours_the_array_offset_of_a_heap_slice() {
        byte[] backing = new byte[16];
        ByteBuf slice = Unpooled.wrappedBuffer(backing, 5, 7).clear(); // arrayOffset 5, 7 writable bytes
        MqttUtf8.write(slice, "a/bc", 4);
        assertThat(slice.readableBytes()).isEqualTo(6);
        assertThat(java.util.Arrays.copyOfRange(backing, 5, 11)).containsExactly(0x00, 0x04, 'a', '/', 'b', 'c');
        assertThat(backing[4]).isZero();
        assertThat(backing[11]).isZero();
    }

    @Test
    void properties_written_with_known_size_equal_those_sized_while_writing() {
        MqttProperties props = fullProperties(MqttPacketType.PUBLISH, false);
        ByteBuf known = Unpooled.buffer();
        ByteBuf sized = Unpooled.buffer();
        MqttPropertiesEncoder.write(known, props, MqttPropertiesEncoder.size(props));
        MqttPropertiesEncoder.write(sized, props);
        assertThat(ByteBufUtil.getBytes(known)).isEqualTo(ByteBufUtil.getBytes(sized));
        assertThat(known.readableBytes()).isEqualTo(MqttPropertiesEncoder.sizeWithLength(props));
    }

    @Test
    void properties_built_empty_are_empty_without_being_the_shared_instance() {
        MqttProperties built = MqttProperties.builder().build();
        assertThat(built).isNotSameAs(MqttProperties.EMPTY);
        assertThat(built.isEmpty()).isTrue();
        assertThat(MqttProperties.EMPTY.isEmpty()).isTrue();
        assertThat(MqttProperties.builder().topicAlias(1).build().isEmpty()).isFalse();
    }
}
