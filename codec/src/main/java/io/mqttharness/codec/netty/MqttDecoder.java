package io.mqttharness.codec.netty;

import io.mqttharness.codec.MqttDecodeException;
import io.mqttharness.codec.MqttPacketDecoder;
import io.mqttharness.codec.MqttVariableByteInteger;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Frames the byte stream into packets (fixed header + Remaining Length, done once here) and hands each body
 * to {@link MqttPacketDecoder}.
 *
 * <ul>
 *   <li>A packet larger than {@link #maxPacketSize()} is rejected with 0x95 Packet too large as soon as its
 *       Remaining Length is known, before its body is buffered (MQTT 5.0 sections 3.1.2.11.4 / 3.2.2.3.6,
 *       4.13; [MQTT-3.2.2-15] for what the Server advertised).</li>
 *   <li>After decoding a CONNECT the decoder switches to the CONNECT's version at once, since the next packet
 *       may already be in the same read buffer.</li>
 *   <li>On the first error the {@link MqttDecodeException} is passed unwrapped to
 *       {@code ctx.fireExceptionCaught} and all further input is discarded: after a malformed packet the
 *       stream can no longer be framed reliably.</li>
 * </ul>
 *
 * <p>Not sharable: it holds per-connection state.
 */
public final class MqttDecoder extends ByteToMessageDecoder {
    /** The largest packet the protocol can express: 1 + 4 + 268,435,455 bytes. */
    public static final int PROTOCOL_MAX_PACKET_SIZE = 1 + MqttVariableByteInteger.MAX_BYTES
            + MqttVariableByteInteger.MAX_VALUE;

    private volatile MqttVersion version;
    private volatile int maxPacketSize;
    private boolean failed;

    /** A decoder without a version yet (a server before CONNECT) and no size limit beyond the protocol's. */
    public MqttDecoder() {
        this(null, PROTOCOL_MAX_PACKET_SIZE);
    }

    /**
     * @param version the connection's version, or {@code null} until a CONNECT is decoded
     * @param maxPacketSize the largest whole packet (fixed header included) accepted, in bytes
     */
    public MqttDecoder(MqttVersion version, int maxPacketSize) {
        this.version = version;
        maxPacketSize(maxPacketSize);
    }

    /** The version used for packets other than CONNECT; {@code null} before CONNECT (decoded as 3.1.1). */
    public MqttVersion version() {
        return version;
    }

    /** Sets the version, e.g. on a client once it sends CONNECT. */
    public MqttDecoder version(MqttVersion version) {
        this.version = version;
        return this;
    }

    public int maxPacketSize() {
        return maxPacketSize;
    }

    /** Sets the largest whole packet accepted, 2..{@link #PROTOCOL_MAX_PACKET_SIZE} bytes. */
    public MqttDecoder maxPacketSize(int maxPacketSize) {
        if (maxPacketSize < 2) {
            throw new IllegalArgumentException("maximum packet size must be at least 2, got " + maxPacketSize);
        }
        this.maxPacketSize = maxPacketSize;
        return this;
    }

    /** True once a decode error was reported; all input is discarded from then on. */
    public boolean failed() {
        return failed;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            MqttPacket packet = decodeOne(in);
            if (packet != null) {
                if (packet instanceof MqttConnect connect) {
                    version = connect.version();
                }
                out.add(packet);
            }
        } catch (MqttDecodeException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            ctx.fireExceptionCaught(e);
        }
    }

    private MqttPacket decodeOne(ByteBuf in) {
        int start = in.readerIndex();
        int limit = in.writerIndex();
        if (limit - start < 2) {
            return null;
        }
        int fixedHeader = in.getUnsignedByte(start);
        MqttVersion current = version;
        long packed = MqttVariableByteInteger.peek(in, start + 1, limit, current);
        if (packed == MqttVariableByteInteger.INCOMPLETE) {
            return null;
        }
        int lengthBytes = MqttVariableByteInteger.encodedLength(packed);
        int remaining = MqttVariableByteInteger.value(packed);
        long total = 1L + lengthBytes + remaining;
        if (total > maxPacketSize) {
            throw new MqttDecodeException(MqttDisconnectReasonCode.PACKET_TOO_LARGE,
                    current != null && current.isV5() ? "MQTT-3.2.2-15" : null,
                    "packet of " + total + " bytes exceeds the maximum packet size of " + maxPacketSize);
        }
        if (limit - start < total) {
            return null;
        }
        int bodyStart = start + 1 + lengthBytes;
        int bodyEnd = bodyStart + remaining;
        // The per-packet decoder reads the body from the cumulation itself, bounded by a lowered writer index,
        // instead of from a slice: one object less per packet, on the path every message takes.
        in.readerIndex(bodyStart);
        in.writerIndex(bodyEnd);
        MqttPacket packet;
        try {
            packet = MqttPacketDecoder.decode(fixedHeader, in, current);
        } finally {
            in.writerIndex(limit);
        }
        in.readerIndex(bodyEnd);
        return packet;
    }
}
