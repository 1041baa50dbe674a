package io.mqttharness.load.client;

import io.mqttharness.codec.MqttDecodeException;
import io.mqttharness.codec.packet.MqttPacket;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/** Last handler of a load client's pipeline: hands decoded packets and connection loss to the connection. */
final class MqttClientHandler extends SimpleChannelInboundHandler<MqttPacket> {
    private final MqttClientConnection connection;

    MqttClientHandler(MqttClientConnection connection) {
        this.connection = connection;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttPacket packet) {
        connection.onPacket(packet);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connection.onClosed("connection closed by broker or network");
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String message = cause instanceof MqttDecodeException
                ? "malformed packet from broker: " + cause.getMessage()
                : "connection error: " + cause;
        connection.fail(message);
    }
}
