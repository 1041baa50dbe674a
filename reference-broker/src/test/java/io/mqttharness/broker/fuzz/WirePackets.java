package io.mqttharness.broker.fuzz;

import io.mqttharness.codec.MqttDecodeException;
import io.mqttharness.codec.MqttPacketDecoder;
import io.mqttharness.codec.MqttPacketEncoder;
import io.mqttharness.codec.MqttVariableByteInteger;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;

/** Encoding, framing and decoding helpers for the bytes that go in and out of an embedded broker connection. */
final class WirePackets {
    private WirePackets() {
    }

    static ByteBuf encodeBuf(MqttPacket packet, MqttVersion version) {
        return MqttPacketEncoder.encode(packet, version, UnpooledByteBufAllocator.DEFAULT);
    }

    static byte[] encode(MqttPacket packet, MqttVersion version) {
        ByteBuf buf = encodeBuf(packet, version);
        try {
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    /**
     * Everything the broker wrote since the last call, decoded as a client of {@code version} would; a byte the
     * broker sent that does not decode is a violation of its own.
     */
    static List<MqttPacket> readOutbound(EmbeddedChannel channel, MqttVersion version) {
        ByteBuf all = Unpooled.buffer();
        try {
            for (Object o = channel.readOutbound(); o != null; o = channel.readOutbound()) {
                ByteBuf buf = (ByteBuf) o;
                all.writeBytes(buf);
                buf.release();
            }
            List<MqttPacket> packets = new ArrayList<>();
            while (all.isReadable()) {
                int start = all.readerIndex();
                long packed = MqttVariableByteInteger.peek(all, start + 1, all.writerIndex(), version);
                if (packed == MqttVariableByteInteger.INCOMPLETE) {
                    throw new AssertionError("broker sent a truncated packet: " + ByteBufUtil.hexDump(all));
                }
                int bodyStart = start + 1 + MqttVariableByteInteger.encodedLength(packed);
                int length = MqttVariableByteInteger.value(packed);
                if (bodyStart + length > all.writerIndex()) {
                    throw new AssertionError("broker sent a truncated packet: " + ByteBufUtil.hexDump(all));
                }
                try {
                    packets.add(MqttPacketDecoder.decode(all.getUnsignedByte(start), all.slice(bodyStart, length),
                            version));
                } catch (MqttDecodeException e) {
                    throw new AssertionError("broker sent a malformed packet " + ByteBufUtil.hexDump(all, start,
                            bodyStart + length - start) + ": " + e.getMessage(), e);
                }
                all.readerIndex(bodyStart + length);
            }
            return packets;
        } finally {
            all.release();
        }
    }

    /**
     * True when the framing (fixed header byte, Remaining Length) of {@code bytes} ends exactly at its end, so
     * that bytes sent next start a new packet.
     */
    static boolean endsOnPacketBoundary(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int length = 0;
            int shift = 0;
            int j = i + 1;
            while (true) {
                if (j >= bytes.length || j - i > 4) {
                    return false;
                }
                int b = bytes[j++] & 0xFF;
                length |= (b & 0x7F) << shift;
                shift += 7;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            if ((long) j + length > bytes.length) {
                return false;
            }
            i = j + length;
        }
        return true;
    }
}
