package io.mqttharness.broker.server;

import io.mqttharness.broker.sys.BrokerStats;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/** Counts MQTT bytes in and out (below TLS/WebSocket framing) for {@code $SYS/broker/bytes/...}. */
@ChannelHandler.Sharable
public final class TrafficCounterHandler extends ChannelDuplexHandler {
    private final BrokerStats stats;

    public TrafficCounterHandler(BrokerStats stats) {
        this.stats = stats;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            stats.bytesReceived(buf.readableBytes());
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf) {
            stats.bytesSent(buf.readableBytes());
        }
        ctx.write(msg, promise);
    }
}
