package io.mqttharness.spec.client;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Promise;
import java.net.URI;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Builds the pipeline of a scripted client: transport handlers first (TLS, then the WebSocket handshake and
 * frame adapter), then framing/decoding and the inbound handler that feeds the inbox. Every transport yields the
 * same plain MQTT bytes to the framer, so the trace and the timeouts behave the same on all of them. The channel
 * attribute {@link #READY} completes when the transport handshakes are done.
 */
final class ClientChannelInitializer extends ChannelInitializer<SocketChannel> {
    /** Completed when the connection can carry MQTT (after the TLS and WebSocket handshakes). */
    static final AttributeKey<Promise<Void>> READY = AttributeKey.valueOf("mqtt-harness.ready");
    /** The WebSocket subprotocol of MQTT (both 3.1.1 and 5.0) [MQTT-6.0.0-3]. */
    static final String WEBSOCKET_SUBPROTOCOL = "mqtt";
    private static final int HTTP_MAX_BYTES = 65_536;
    private static final int MAX_FRAME_PAYLOAD = 268_435_460;

    private final MqttTarget target;
    private final SslContext sslContext;
    private final ScriptedClient client;
    private final long handshakeTimeoutMillis;

    /** @param sslContext the TLS context of a secure target, {@code null} otherwise */
    ClientChannelInitializer(MqttTarget target, SslContext sslContext, ScriptedClient client,
            long handshakeTimeoutMillis) {
        this.target = target;
        this.sslContext = sslContext;
        this.client = client;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        Promise<Void> ready = ch.eventLoop().newPromise();
        ch.attr(READY).set(ready);
        ChannelPipeline p = ch.pipeline();
        MqttTarget.Transport transport = target.transport();
        if (transport.secure()) {
            SslHandler ssl = sslContext.newHandler(ch.alloc(), target.host(), target.port());
            if (!target.tls().insecure()) {
                SSLEngine engine = ssl.engine();
                SSLParameters params = engine.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                engine.setSSLParameters(params);
            }
            ssl.setHandshakeTimeoutMillis(handshakeTimeoutMillis);
            ssl.handshakeFuture().addListener(f -> {
                if (!f.isSuccess()) {
                    ready.tryFailure(new IllegalStateException("TLS handshake failed: " + f.cause().getMessage(),
                            f.cause()));
                } else if (!transport.webSocket()) {
                    ready.trySuccess(null);
                }
            });
            p.addLast("tls", ssl);
        }
        if (transport.webSocket()) {
            p.addLast("http", new HttpClientCodec());
            p.addLast("http-aggregator", new HttpObjectAggregator(HTTP_MAX_BYTES));
            p.addLast("websocket", new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                    .webSocketUri(webSocketUri())
                    .version(WebSocketVersion.V13)
                    .subprotocol(WEBSOCKET_SUBPROTOCOL)
                    .customHeaders(new DefaultHttpHeaders())
                    .maxFramePayloadLength(MAX_FRAME_PAYLOAD)
                    .handshakeTimeoutMillis(handshakeTimeoutMillis)
                    .handleCloseFrames(true)
                    .dropPongFrames(true)
                    .build()));
            p.addLast("websocket-frames", new WebSocketFrameAdapter(client, ready));
        }
        if (!transport.secure() && !transport.webSocket()) {
            ready.trySuccess(null);
        }
        p.addLast("frames", new ClientFrameDecoder(client.version()));
        p.addLast("inbound", new ClientInboundHandler(client, client.inbox()));
    }

    private URI webSocketUri() {
        String host = target.host().contains(":") ? "[" + target.host() + "]" : target.host();
        return URI.create((target.transport().secure() ? "wss" : "ws") + "://" + host + ":" + target.port()
                + target.path());
    }
}
