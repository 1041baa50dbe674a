package io.mqttharness.broker.server;

import io.mqttharness.broker.config.ListenerConfig;
import io.mqttharness.broker.connection.MqttConnectionHandler;
import io.mqttharness.broker.connection.PacketHandlers;
import io.mqttharness.broker.security.TlsContextFactory;
import io.mqttharness.codec.netty.MqttDecoder;
import io.mqttharness.codec.netty.MqttEncoder;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;

/**
 * Assembles the pipeline of one accepted connection of one listener:
 * [ssl] [httpCodec httpAggregator webSocketProtocol webSocketFrames] trafficCounter connectSniffer (keepAlive)
 * mqttDecoder
 * mqttEncoder mqttConnection; the sniffer removes itself after the first bytes. It also sets the write buffer
 * water marks that bound what a slow consumer can make the broker buffer.
 */
public final class MqttChannelInitializer extends ChannelInitializer<SocketChannel> {
    /** Subprotocols accepted in the WebSocket handshake (MQTT 5.0 section 6, MQTT-6.0.0-3/4). */
    public static final String WEBSOCKET_SUBPROTOCOLS = "mqtt,mqttv3.1";
    /**
     * Above this many bytes waiting in a connection's outbound buffer the channel is not writable: the broker stops
     * taking messages from the session queue (they wait there, bounded by {@code max_queued_messages}) and drops
     * QoS 0 messages for it, so a client that stops reading costs at most this much (plus one packet) of buffer
     * memory besides its queue. Netty's default, set explicitly because the bound is part of the broker's contract.
     */
    public static final int WRITE_BUFFER_HIGH_WATER_MARK = 64 * 1024;
    /** The channel becomes writable again, and queued messages flow, once the buffer drained below this. */
    public static final int WRITE_BUFFER_LOW_WATER_MARK = 32 * 1024;
    private static final int HTTP_HANDSHAKE_MAX_BYTES = 65_536;

    private final PacketHandlers handlers;
    private final ListenerConfig listener;
    private final SslContext sslContext;
    private final TrafficCounterHandler trafficCounter;

    public MqttChannelInitializer(PacketHandlers handlers, ListenerConfig listener, SslContext sslContext) {
        this.handlers = handlers;
        this.listener = listener;
        this.sslContext = sslContext;
        this.trafficCounter = new TrafficCounterHandler(handlers.context().stats());
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.config().setWriteBufferWaterMark(
                new WriteBufferWaterMark(WRITE_BUFFER_LOW_WATER_MARK, WRITE_BUFFER_HIGH_WATER_MARK));
        ChannelPipeline p = ch.pipeline();
        if (sslContext != null) {
            p.addLast(MqttPipelineNames.SSL, TlsContextFactory.newServerHandler(sslContext, ch.alloc()));
        }
        int maxPacketSize = maxPacketSize();
        if (listener.protocol() == ListenerConfig.Protocol.WEBSOCKETS) {
            p.addLast(MqttPipelineNames.HTTP_CODEC, new HttpServerCodec());
            p.addLast(MqttPipelineNames.HTTP_AGGREGATOR, new HttpObjectAggregator(HTTP_HANDSHAKE_MAX_BYTES));
            p.addLast(MqttPipelineNames.WEBSOCKET_PROTOCOL, new WebSocketServerProtocolHandler(
                    WebSocketServerProtocolConfig.newBuilder()
                            .websocketPath(listener.webSocketPath())
                            .subprotocols(WEBSOCKET_SUBPROTOCOLS)
                            .maxFramePayloadLength(maxPacketSize)
                            .handleCloseFrames(true)
                            .build()));
            p.addLast(MqttPipelineNames.WEBSOCKET_FRAMES, new WebSocketFrameCodec());
        }
        p.addLast(MqttPipelineNames.TRAFFIC_COUNTER, trafficCounter);
        p.addLast(MqttPipelineNames.CONNECT_SNIFFER, new ConnectLevelSniffer());
        p.addLast(MqttPipelineNames.DECODER, new MqttDecoder(null, maxPacketSize));
        p.addLast(MqttPipelineNames.ENCODER, new MqttEncoder());
        p.addLast(MqttPipelineNames.CONNECTION, new MqttConnectionHandler(handlers, listener));
    }

    private int maxPacketSize() {
        long configured = handlers.context().config().maxPacketSize();
        return configured > 0 && configured < MqttDecoder.PROTOCOL_MAX_PACKET_SIZE
                ? (int) configured : MqttDecoder.PROTOCOL_MAX_PACKET_SIZE;
    }
}
