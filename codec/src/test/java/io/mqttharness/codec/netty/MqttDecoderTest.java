package io.mqttharness.codec.netty;

import static io.mqttharness.codec.MqttCodecTestSupport.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.MqttDecodeException;
import io.mqttharness.codec.MqttPacketEncoder;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttRawPacketWriter;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttPingReq;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MqttDecoderTest {

    /** Records exceptions as they arrive, unwrapped or not. */
    private static final class ExceptionRecorder extends ChannelInboundHandlerAdapter {
        final List<Throwable> caught = new ArrayList<>();

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            caught.add(cause);
        }
    }

    private static byte[] encode(io.mqttharness.codec.packet.MqttPacket packet, MqttVersion version) {
        ByteBuf buf = MqttPacketEncoder.encode(packet, version, ByteBufAllocator.DEFAULT);
        byte[] out = new byte[buf.readableBytes()];
        buf.readBytes(out);
        buf.release();
        return out;
    }

    @Test
    void frames_packets_split_across_reads_byte_by_byte() {
        EmbeddedChannel ch = new EmbeddedChannel(new MqttDecoder(MqttVersion.MQTT_3_1_1, 1024));
        MqttPublish publish = new MqttPublish(false, MqttQos.AT_LEAST_ONCE, false, "a/b", 3, null, new byte[200]);
        for (byte b : encode(publish, MqttVersion.MQTT_3_1_1)) {
            assertThat((Object) ch.readInbound()).isNull();
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        assertThat((Object) ch.readInbound()).isEqualTo(publish);
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void decodes_several_packets_from_one_read() {
        EmbeddedChannel ch = new EmbeddedChannel(new MqttDecoder(MqttVersion.MQTT_3_1_1, 1024));
        ch.writeInbound(Unpooled.wrappedBuffer(bytes(0xC0, 0x00, 0x40, 0x02, 0x00, 0x07, 0xC0, 0x00)));
        assertThat((Object) ch.readInbound()).isEqualTo(MqttPingReq.INSTANCE);
        assertThat((Object) ch.readInbound()).isEqualTo(new MqttPubAck(7));
        assertThat((Object) ch.readInbound()).isEqualTo(MqttPingReq.INSTANCE);
    }

    @Test
    void decodes_publishes_from_a_direct_buffer_and_keeps_a_trailing_partial_packet_for_the_next_read() {
        EmbeddedChannel ch = new EmbeddedChannel(new MqttDecoder(MqttVersion.MQTT_3_1_1, 1024));
        io.netty.buffer.ByteBuf read = Unpooled.directBuffer();
        read.writeBytes(bytes(
                0x32, 0x08,             // PUBLISH QoS 1, remaining length 8
                0x00, 0x03, 'a', '/', 'b', // topic "a/b"
                0x00, 0x01,             // packet id 1
                'x',                    // payload "x": ends exactly where the next packet starts
                0x30, 0x05,             // PUBLISH QoS 0, remaining length 5
                0x00, 0x01, 'c',        // topic "c"
                'y', 'z',               // payload "yz"
                0x30, 0x04,             // PUBLISH QoS 0, remaining length 4: only 2 of its bytes in this read
                0x00, 0x01));           // topic length 1
        ch.writeInbound(read);

        MqttPublish first = ch.readInbound();
        MqttPublish second = ch.readInbound();
        assertThat(first.topic()).isEqualTo("a/b");
        assertThat(first.payload()).containsExactly('x');
        assertThat(second.topic()).isEqualTo("c");
        assertThat(second.payload()).containsExactly('y', 'z');
        assertThat((Object) ch.readInbound()).as("the third packet is incomplete").isNull();

        ch.writeInbound(Unpooled.wrappedBuffer(bytes('d', 'w'))); // topic "d", payload "w"
        MqttPublish third = ch.readInbound();
        assertThat(third.topic()).isEqualTo("d");
        assertThat(third.payload()).containsExactly('w');
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void switches_to_the_connect_version_for_the_next_packet_in_the_same_buffer() {
        MqttDecoder decoder = new MqttDecoder();
        EmbeddedChannel ch = new EmbeddedChannel(decoder);
        byte[] connect = encode(new MqttConnect(MqttVersion.MQTT_5, true, 0, "c", null, null, null, null), null);
        // an MQTT 5 PUBACK with reason code and no property length: malformed under 3.1.1, valid under 5
        byte[] puback = bytes(0x40, 0x03, 0x00, 0x01, 0x10);
        ch.writeInbound(Unpooled.wrappedBuffer(connect, puback));
        assertThat((Object) ch.readInbound()).isInstanceOf(MqttConnect.class);
        assertThat(((MqttPubAck) ch.readInbound()).reasonCode().code()).isEqualTo(0x10);
        assertThat(decoder.version()).isEqualTo(MqttVersion.MQTT_5);
    }

    @Test
    void rejects_packet_too_large_before_its_body_arrives() {
        ExceptionRecorder recorder = new ExceptionRecorder();
        EmbeddedChannel ch = new EmbeddedChannel(new MqttDecoder(MqttVersion.MQTT_5, 100), recorder);
        // PUBLISH announcing 1000 bytes; only the fixed header is sent
        ch.writeInbound(Unpooled.wrappedBuffer(bytes(0x30, 0xE8, 0x07)));
        assertThat(recorder.caught).hasSize(1);
        MqttDecodeException e = (MqttDecodeException) recorder.caught.get(0);
        assertThat(e.reasonCode()).isEqualTo(MqttDisconnectReasonCode.PACKET_TOO_LARGE);
        assertThat(e.statementId()).isEqualTo("MQTT-3.2.2-15");
    }

    @Test
    void accepts_packet_exactly_at_the_maximum_size() {
        EmbeddedChannel ch = new EmbeddedChannel(new MqttDecoder(MqttVersion.MQTT_3_1_1, 10));
        // 2-byte header + 8-byte body = 10 bytes
        ch.writeInbound(Unpooled.wrappedBuffer(bytes(0x30, 0x08, 0x00, 0x01, 't', 1, 2, 3, 4, 5)));
        assertThat(((MqttPublish) ch.readInbound()).payload()).hasSize(5);
    }

    @Test
    void fires_decode_exception_unwrapped_once_and_discards_further_input() {
        ExceptionRecorder recorder = new ExceptionRecorder();
        MqttDecoder decoder = new MqttDecoder(MqttVersion.MQTT_3_1_1, 1024);
        EmbeddedChannel ch = new EmbeddedChannel(decoder, recorder);
        // a valid PINGREQ, then a QoS 3 PUBLISH, then another PINGREQ in the same read
        ch.writeInbound(Unpooled.wrappedBuffer(bytes(0xC0, 0x00, 0x36, 0x05, 0x00, 0x01, 't', 0x00, 0x01, 0xC0, 0x00)));
        ch.writeInbound(Unpooled.wrappedBuffer(bytes(0xC0, 0x00)));
        assertThat((Object) ch.readInbound()).isEqualTo(MqttPingReq.INSTANCE);
        assertThat((Object) ch.readInbound()).isNull();
        assertThat(recorder.caught).hasSize(1);
        assertThat(recorder.caught.get(0)).isInstanceOfSatisfying(MqttDecodeException.class,
                e -> assertThat(e.statementId()).isEqualTo("MQTT-3.3.1-4"));
        assertThat(decoder.failed()).isTrue();
    }

    @Test
    void rejects_five_byte_remaining_length() {
        ExceptionRecorder recorder = new ExceptionRecorder();
        EmbeddedChannel ch = new EmbeddedChannel(new MqttDecoder(MqttVersion.MQTT_5, Integer.MAX_VALUE), recorder);
        ch.writeInbound(MqttRawPacketWriter.packet(0x30).remainingLengthBytes(0xFF, 0xFF, 0xFF, 0xFF, 0x7F).toByteBuf());
        assertThat(recorder.caught).singleElement().isInstanceOfSatisfying(MqttDecodeException.class, e -> {
            assertThat(e.reasonCode()).isEqualTo(MqttDisconnectReasonCode.MALFORMED_PACKET);
            assertThat(e.statementId()).isEqualTo("MQTT-1.5.5-1");
        });
    }

    @Test
    void rejects_non_minimal_remaining_length() {
        ExceptionRecorder recorder = new ExceptionRecorder();
        EmbeddedChannel ch = new EmbeddedChannel(new MqttDecoder(MqttVersion.MQTT_5, 1024), recorder);
        ch.writeInbound(MqttRawPacketWriter.packet(0xC0).remainingLengthBytes(0x80, 0x00).toByteBuf());
        assertThat(recorder.caught).singleElement().isInstanceOf(MqttDecodeException.class);
    }
}
