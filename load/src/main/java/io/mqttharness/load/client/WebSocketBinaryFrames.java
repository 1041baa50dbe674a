package io.mqttharness.load.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.concurrent.Promise;

/**
 * MQTT over WebSocket: the content of binary (and continuation) frames goes on as bytes to the MQTT decoder,
 * which does not assume packets align with frames [MQTT-6.0.0-2]; every encoded packet leaves as one binary
 * frame [MQTT-6.0.0-1]. Completes the ready promise when the opening handshake is done.
 */
final class WebSocketBinaryFrames extends ChannelDuplexHandler {
    private final Promise<Void> ready;

    WebSocketBinaryFrames(Promise<Void> ready) {
        this.ready = ready;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            ready.trySuccess(null);
        } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            ready.tryFailure(new IllegalStateException("no WebSocket handshake answer in time"));
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof BinaryWebSocketFrame || msg instanceof ContinuationWebSocketFrame) {
            ctx.fireChannelRead(((WebSocketFrame) msg).content());
        } else if (msg instanceof WebSocketFrame frame) {
            // MQTT never uses text frames [MQTT-6.0.0-1]: a broker that sends one is misbehaving
            frame.release();
            ctx.fireExceptionCaught(new IllegalStateException("broker sent a non-binary WebSocket frame"));
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        ctx.write(msg instanceof ByteBuf bytes ? new BinaryWebSocketFrame(bytes) : msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ready.tryFailure(new IllegalStateException("connection closed during the WebSocket handshake"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (ready.tryFailure(cause)) {
            ctx.close();
            return;
        }
        ctx.fireExceptionCaught(cause);
    }
}
