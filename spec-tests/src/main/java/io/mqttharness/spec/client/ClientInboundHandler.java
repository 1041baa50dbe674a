package io.mqttharness.spec.client;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/** Records each received packet in the trace, lets auto-ack answer it, and queues it in the inbox. */
final class ClientInboundHandler extends SimpleChannelInboundHandler<ReceivedPacket> {
    private final ScriptedClient client;
    private final ClientInbox inbox;

    ClientInboundHandler(ScriptedClient client, ClientInbox inbox) {
        this.client = client;
        this.inbox = inbox;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ReceivedPacket packet) {
        client.trace().received(client.name(), packet.summary(), packet.hex());
        client.monitor().received(packet);
        boolean consumed = client.autoAck() && AutoAcknowledger.handle(client, packet);
        if (!consumed) {
            inbox.add(packet);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        client.trace().event(client.name(), client.closingByHarness() ? "connection closed by the harness"
                : "connection closed by the broker");
        inbox.markClosed();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        client.trace().event(client.name(), "network error: " + cause);
        ctx.close();
    }
}
