package io.mqttharness.load.client;

import io.mqttharness.codec.netty.MqttDecoder;
import io.mqttharness.codec.netty.MqttEncoder;
import io.mqttharness.load.protocol.MqttProtocol;
import io.mqttharness.load.protocol.MqttTransport;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Promise;
import java.net.URI;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Pipeline of a load client: TLS (with SNI and, unless trust-all, host name verification), then the WebSocket
 * handshake (sub-protocol {@code mqtt} [MQTT-6.0.0-3]) and frame adapter, then the project's MQTT codec. The
 * ready promise completes when the connection can carry MQTT (after the TLS and WebSocket handshakes).
 */
public final class ClientPipeline extends ChannelInitializer<Channel> {
    private static final int HTTP_MAX_BYTES = 65_536;
    private static final int MAX_FRAME_PAYLOAD = MqttDecoder.PROTOCOL_MAX_PACKET_SIZE + 5;

    private final MqttProtocol protocol;
    private final SslContext sslContext;
    private final Supplier<ChannelHandler> last;
    private final Promise<Void> ready;

    /**
     * @param sslContext the client TLS context of a secure transport, else {@code null}
     * @param last the handler that receives decoded packets
     * @param ready completed when the transport handshakes are done
     */
    public ClientPipeline(MqttProtocol protocol, SslContext sslContext, Supplier<ChannelHandler> last,
            Promise<Void> ready) {
        this.protocol = protocol;
        this.sslContext = sslContext;
        this.last = last;
        this.ready = ready;
    }

    @Override
    protected void initChannel(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        MqttTransport transport = protocol.transport();
        long handshakeMillis = protocol.connectTimeout().toMillis();
        if (transport.kind().secure()) {
            String serverName = transport.serverName() != null ? transport.serverName() : protocol.host();
            SslHandler ssl = sslContext.newHandler(ch.alloc(), serverName, protocol.port());
            if (!transport.trustAllCertificates()) {
                SSLEngine engine = ssl.engine();
                SSLParameters params = engine.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                engine.setSSLParameters(params);
            }
            ssl.setHandshakeTimeoutMillis(handshakeMillis);
            ssl.handshakeFuture().addListener(f -> {
                if (!f.isSuccess()) {
                    ready.tryFailure(new IllegalStateException("TLS handshake failed: " + f.cause().getMessage(),
                            f.cause()));
                } else if (!transport.kind().webSocket()) {
                    ready.trySuccess(null);
                }
            });
            p.addLast("tls", ssl);
        }
        if (transport.kind().webSocket()) {
            p.addLast("http", new HttpClientCodec());
            p.addLast("http-aggregator", new HttpObjectAggregator(HTTP_MAX_BYTES));
            p.addLast("websocket", new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                    .webSocketUri(webSocketUri(transport))
                    .version(WebSocketVersion.V13)
                    .subprotocol("mqtt")
                    .customHeaders(new DefaultHttpHeaders())
                    .maxFramePayloadLength(MAX_FRAME_PAYLOAD)
                    .handshakeTimeoutMillis(handshakeMillis)
                    .handleCloseFrames(true)
                    .dropPongFrames(true)
                    .build()));
            p.addLast("websocket-frames", new WebSocketBinaryFrames(ready));
        }
        if (!transport.kind().secure() && !transport.kind().webSocket()) {
            ready.trySuccess(null);
        }
        p.addLast("decoder", new MqttDecoder(protocol.version(), MqttDecoder.PROTOCOL_MAX_PACKET_SIZE));
        p.addLast("encoder", new MqttEncoder(protocol.version()));
        p.addLast("client", last.get());
    }

    private URI webSocketUri(MqttTransport transport) {
        String host = protocol.host().contains(":") ? "[" + protocol.host() + "]" : protocol.host();
        return URI.create((transport.kind().secure() ? "wss" : "ws") + "://" + host + ":" + protocol.port()
                + transport.webSocketPath());
    }
}
