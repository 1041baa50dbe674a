package io.mqttharness.spec.client;

import io.mqttharness.codec.MqttDecodeException;
import io.mqttharness.codec.MqttHex;
import io.mqttharness.codec.MqttPacketDecoder;
import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttVariableByteInteger;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.spec.packet.PacketView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.Map;

/**
 * Frames what the broker sends into packets and decodes each with the project's codec, emitting
 * {@link ReceivedPacket}s. Unlike the broker-side decoder it keeps going after a packet that cannot be decoded
 * (framing is still reliable then), because the harness reports the bytes rather than acting on them; only a
 * broken Remaining Length stops it.
 *
 * <p>A CONNACK that does not decode under the connection's version is retried under the other version: a broker
 * refusing an unsupported protocol level may answer in its own format, and that is allowed.
 */
final class ClientFrameDecoder extends ByteToMessageDecoder {
    private final MqttVersion version;
    private boolean broken;

    ClientFrameDecoder(MqttVersion version) {
        this.version = version;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (broken) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int start = in.readerIndex();
        if (in.readableBytes() < 2) {
            return;
        }
        int fixedHeader = in.getUnsignedByte(start);
        MqttPacketType type = MqttPacketType.fromCode(fixedHeader >> 4);
        long packed;
        try {
            packed = MqttVariableByteInteger.peek(in, start + 1, in.writerIndex(), version);
        } catch (MqttDecodeException e) {
            broken = true;
            String hex = MqttHex.format(in);
            in.skipBytes(in.readableBytes());
            out.add(new ReceivedPacket(type, null, Map.of(), hex, "invalid Remaining Length: " + e.getMessage()));
            return;
        }
        if (packed == MqttVariableByteInteger.INCOMPLETE) {
            return;
        }
        int headerLength = 1 + MqttVariableByteInteger.encodedLength(packed);
        int total = headerLength + MqttVariableByteInteger.value(packed);
        if (in.readableBytes() < total) {
            return;
        }
        byte[] bytes = new byte[total];
        in.readBytes(bytes);
        out.add(decodePacket(fixedHeader, type, bytes, headerLength));
    }

    private ReceivedPacket decodePacket(int fixedHeader, MqttPacketType type, byte[] bytes, int headerLength) {
        String hex = MqttHex.format(bytes);
        try {
            MqttPacket packet = decodeBody(fixedHeader, bytes, headerLength, version);
            return new ReceivedPacket(type, packet, PacketView.of(packet, version), hex, null);
        } catch (MqttDecodeException | IllegalArgumentException e) {
            if (type == MqttPacketType.CONNACK) {
                MqttVersion other = version.isV5() ? MqttVersion.MQTT_3_1_1 : MqttVersion.MQTT_5;
                try {
                    MqttPacket packet = decodeBody(fixedHeader, bytes, headerLength, other);
                    return new ReceivedPacket(type, packet, PacketView.of(packet, other), hex, null);
                } catch (MqttDecodeException | IllegalArgumentException ignored) {
                    // report the error under the connection's own version below
                }
            }
            return new ReceivedPacket(type, null, Map.of(), hex, e.getMessage());
        }
    }

    private static MqttPacket decodeBody(int fixedHeader, byte[] bytes, int headerLength, MqttVersion version) {
        ByteBuf body = Unpooled.wrappedBuffer(bytes, headerLength, bytes.length - headerLength);
        MqttPacket packet = MqttPacketDecoder.decode(fixedHeader, body, version);
        if (body.isReadable()) {
            throw new IllegalArgumentException(body.readableBytes() + " unexpected bytes after the packet");
        }
        return packet;
    }
}
