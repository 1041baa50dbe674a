package io.mqttharness.broker.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;

/**
 * Remembers the protocol level byte of the first packet when it is a CONNECT, without consuming anything, so
 * that a CONNECT the decoder rejects can still be answered in the client's version: MQTT 5 allows a CONNACK with
 * the reason code (0x81 Malformed Packet, 0x82 Protocol Error, ...) before closing (MQTT 5.0 section 4.13.1).
 * Removes itself after the first bytes.
 */
public final class ConnectLevelSniffer extends ChannelInboundHandlerAdapter {
    /** The protocol level of the first CONNECT, absent when not (yet) known. */
    public static final AttributeKey<Integer> PROTOCOL_LEVEL = AttributeKey.valueOf("mqtt.connect.protocolLevel");
    private static final int CONNECT_FIXED_HEADER = 0x10;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf && buf.isReadable()) {
            int level = sniff(buf);
            if (level >= 0) {
                ctx.channel().attr(PROTOCOL_LEVEL).set(level);
            }
            ctx.pipeline().remove(this);
        }
        ctx.fireChannelRead(msg);
    }

    /** The protocol level of a CONNECT starting at the reader index, or -1 when these bytes do not show it. */
    static int sniff(ByteBuf buf) {
        int i = buf.readerIndex();
        int end = buf.writerIndex();
        if (buf.getUnsignedByte(i) != CONNECT_FIXED_HEADER) {
            return -1;
        }
        i++;
        for (int n = 0; n < 4 && i < end; n++) {
            if ((buf.getUnsignedByte(i++) & 0x80) == 0) {
                if (i + 2 > end) {
                    return -1;
                }
                int nameLength = buf.getUnsignedShort(i);
                int levelAt = i + 2 + nameLength;
                return levelAt < end ? buf.getUnsignedByte(levelAt) : -1;
            }
        }
        return -1;
    }
}
