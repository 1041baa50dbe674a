package io.mqttharness.spec.client;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

/**
 * Builds the pipeline of a scripted client: transport handlers first (this is where TLS and WebSocket framing
 * will go), then framing/decoding and the inbound handler that feeds the inbox.
 */
final class ClientChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final MqttTarget target;
    private final ScriptedClient client;

    ClientChannelInitializer(MqttTarget target, ScriptedClient client) {
        this.target = target;
        this.client = client;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        if (target.transport() != MqttTarget.Transport.TCP) {
            throw new UnsupportedOperationException(target.transport() + " targets are not supported yet");
        }
        ch.pipeline().addLast("frames", new ClientFrameDecoder(client.version()));
        ch.pipeline().addLast("inbound", new ClientInboundHandler(client, client.inbox()));
    }
}
