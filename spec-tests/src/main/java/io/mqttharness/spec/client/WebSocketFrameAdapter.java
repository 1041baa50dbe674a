package io.mqttharness.spec.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.concurrent.Promise;

/**
 * Carries MQTT over WebSocket: the content of binary (and continuation) frames goes on as bytes to the packet
 * framer, which must not assume packets are aligned on frame boundaries [MQTT-6.0.0-2]; bytes written by the
 * client leave as one binary frame each. Frames the client writes itself (text frames of {@code ws_text}) pass
 * unchanged. Completes the connection's ready promise when the opening handshake is done (or has timed out).
 */
final class WebSocketFrameAdapter extends ChannelDuplexHandler {
    private final ScriptedClient client;
    private final Promise<Void> ready;

    WebSocketFrameAdapter(ScriptedClient client, Promise<Void> ready) {
        this.client = client;
        this.ready = ready;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            WebSocketClientProtocolHandler handler = ctx.pipeline().get(WebSocketClientProtocolHandler.class);
            String subprotocol = handler == null ? null : handler.handshaker().actualSubprotocol();
            client.trace().event(client.name(), "WebSocket handshake complete, subprotocol "
                    + (subprotocol == null ? "(none)" : "'" + subprotocol + "'"));
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
        } else if (msg instanceof TextWebSocketFrame text) {
            // MQTT never uses text frames; report it as the violation it is rather than decoding it
            client.trace().event(client.name(), "received a WebSocket text frame (not allowed for MQTT): '"
                    + text.text() + "'");
            text.release();
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf bytes) {
            ctx.write(new BinaryWebSocketFrame(bytes), promise);
        } else {
            ctx.write(msg, promise);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ready.tryFailure(new IllegalStateException("the connection closed during the WebSocket handshake"));
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
