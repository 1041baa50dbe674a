package io.mqttharness.broker.testsupport;

import io.mqttharness.codec.MqttDecodeException;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.netty.MqttDecoder;
import io.mqttharness.codec.netty.MqttEncoder;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.packet.MqttSubAck;
import io.mqttharness.codec.packet.MqttSubscribe;
import io.mqttharness.codec.packet.MqttSubscription;
import io.mqttharness.codec.packet.MqttUnsubAck;
import io.mqttharness.codec.packet.MqttUnsubscribe;
import io.mqttharness.codec.packet.MqttWill;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Promise;
import java.net.URI;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A tiny blocking MQTT client for tests: sends packets (or raw bytes) and waits, with a timeout, for the packets
 * the broker sends back, one by one and in order. It checks nothing by itself, so tests can send anything.
 *
 * <pre>{@code
 * try (TestMqttClient c = TestMqttClient.open(port, MqttVersion.MQTT_5)) {
 *     MqttConnAck ack = c.connect("client-1", true);
 *     c.subscribe(1, "a/#", MqttQos.AT_LEAST_ONCE);
 *     MqttPublish p = c.expect(MqttPublish.class);
 * }
 * }</pre>
 */
public final class TestMqttClient implements AutoCloseable {
    /** Default wait for an expected packet. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final EventLoopGroup GROUP =
            new NioEventLoopGroup(1, new DefaultThreadFactory("test-mqtt-client", true));

    private final Channel channel;
    private final MqttVersion version;
    private final BlockingQueue<Object> received;

    private TestMqttClient(Channel channel, MqttVersion version, BlockingQueue<Object> received) {
        this.channel = channel;
        this.version = version;
        this.received = received;
    }

    /** Opens a TCP connection to 127.0.0.1:port; nothing is sent yet. */
    public static TestMqttClient open(int port, MqttVersion version) {
        return open(port, version, null, null);
    }

    /**
     * Opens a connection to 127.0.0.1:port, over TLS when {@code ssl} is given and over WebSocket (subprotocol
     * {@code mqtt}) when {@code webSocketPath} is given; returns once the TLS / WebSocket handshakes are done.
     */
    public static TestMqttClient open(int port, MqttVersion version, SslContext ssl, String webSocketPath) {
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        Bootstrap b = new Bootstrap().group(GROUP).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast("ssl", ssl.newHandler(ch.alloc(), "localhost", port));
                        }
                        if (webSocketPath != null) {
                            ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65_536),
                                    new WebSocketClientProtocolHandler(WebSocketClientHandshakerFactory.newHandshaker(
                                            URI.create("ws://127.0.0.1:" + port + webSocketPath),
                                            WebSocketVersion.V13, "mqtt", false, new DefaultHttpHeaders())),
                                    new WebSocketBinaryAdapter());
                        }
                        ch.pipeline().addLast(new MqttDecoder(version, MqttDecoder.PROTOCOL_MAX_PACKET_SIZE));
                        ch.pipeline().addLast(new MqttEncoder(version));
                        ch.pipeline().addLast(new Collector(queue));
                    }
                });
        ChannelFuture f = b.connect("127.0.0.1", port).awaitUninterruptibly();
        if (!f.isSuccess()) {
            throw new IllegalStateException("cannot connect to 127.0.0.1:" + port, f.cause());
        }
        Channel ch = f.channel();
        if (ssl != null) {
            SslHandler handler = (SslHandler) ch.pipeline().get("ssl");
            if (!handler.handshakeFuture().awaitUninterruptibly(TIMEOUT.toMillis())
                    || !handler.handshakeFuture().isSuccess()) {
                ch.close();
                throw new IllegalStateException("TLS handshake failed", handler.handshakeFuture().cause());
            }
        }
        if (webSocketPath != null) {
            WebSocketBinaryAdapter adapter = ch.pipeline().get(WebSocketBinaryAdapter.class);
            if (!adapter.handshake.awaitUninterruptibly(TIMEOUT.toMillis()) || !adapter.handshake.isSuccess()) {
                ch.close();
                throw new IllegalStateException("WebSocket handshake failed", adapter.handshake.cause());
            }
        }
        return new TestMqttClient(ch, version, queue);
    }

    /** Binary WebSocket frames to bytes and back; completes {@code handshake} when the upgrade is done. */
    private static final class WebSocketBinaryAdapter extends MessageToMessageCodec<BinaryWebSocketFrame, ByteBuf> {
        private final Promise<Void> handshake = GROUP.next().newPromise();

        @Override
        protected void encode(ChannelHandlerContext ctx, ByteBuf msg, List<Object> out) {
            out.add(new BinaryWebSocketFrame(msg.retain()));
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, BinaryWebSocketFrame msg, List<Object> out) {
            out.add(msg.content().retain());
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                handshake.trySuccess(null);
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            handshake.tryFailure(new IllegalStateException("closed before the WebSocket handshake completed"));
            super.channelInactive(ctx);
        }
    }

    public MqttVersion version() {
        return version;
    }

    public Channel channel() {
        return channel;
    }

    /** Sends a packet and flushes. */
    public TestMqttClient send(MqttPacket packet) {
        channel.writeAndFlush(packet).awaitUninterruptibly();
        return this;
    }

    /** Sends raw bytes, e.g. a malformed packet. */
    public TestMqttClient sendRaw(byte... bytes) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(bytes)).awaitUninterruptibly();
        return this;
    }

    /** Sends raw bytes given as ints 0..255 (characters allowed), e.g. {@code sendRaw(0x10, 12, 0, 4, 'M', ...)}. */
    public TestMqttClient sendRaw(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return sendRaw(b);
    }

    /** The next packet from the broker; fails after {@link #TIMEOUT} or when the connection closed first. */
    public MqttPacket next() {
        return next(TIMEOUT);
    }

    public MqttPacket next(Duration timeout) {
        Object o;
        try {
            o = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (o == null) {
            throw new AssertionError("no packet from the broker within " + timeout.toMillis() + " ms");
        }
        if (o instanceof Closed) {
            received.add(o);
            throw new AssertionError("connection closed by the broker while waiting for a packet");
        }
        if (o instanceof Throwable t) {
            throw new AssertionError("client could not decode the broker's packet: " + t.getMessage(), t);
        }
        return (MqttPacket) o;
    }

    /** The next packet, which must be of this type. */
    public <T extends MqttPacket> T expect(Class<T> type) {
        MqttPacket p = next();
        if (!type.isInstance(p)) {
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + p);
        }
        return type.cast(p);
    }

    /** Asserts that no packet arrives within {@code wait} (the connection may stay open or close). */
    public void expectNoPacket(Duration wait) {
        Object o;
        try {
            o = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (o instanceof Closed) {
            received.add(o);
        } else if (o != null) {
            throw new AssertionError("expected no packet but got " + o);
        }
    }

    /** Waits until the broker closed the connection, skipping nothing: any packet before the close fails. */
    public void expectClosed() {
        Object o;
        try {
            o = received.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (o == null) {
            throw new AssertionError("connection still open after " + TIMEOUT.toMillis() + " ms");
        }
        if (!(o instanceof Closed)) {
            throw new AssertionError("expected the connection to close but got " + o);
        }
        received.add(o);
    }

    /** True once the connection is closed. */
    public boolean isClosed() {
        return !channel.isActive();
    }

    // ---- conveniences -------------------------------------------------------------------------------------

    /** Sends a CONNECT and returns the CONNACK. */
    public MqttConnAck connect(MqttConnect connect) {
        send(connect);
        return expect(MqttConnAck.class);
    }

    /** CONNECT with a client id and clean start, keep alive 60, no properties. */
    public MqttConnAck connect(String clientId, boolean cleanStart) {
        return connect(connectPacket(clientId, cleanStart, 60, MqttProperties.EMPTY, null));
    }

    /** A CONNECT of this client's version. */
    public MqttConnect connectPacket(String clientId, boolean cleanStart, int keepAlive, MqttProperties properties,
            MqttWill will) {
        return new MqttConnect(version, cleanStart, keepAlive, clientId, properties, will, null, null);
    }

    /** SUBSCRIBE to filters with one QoS and returns the SUBACK. */
    public MqttSubAck subscribe(int packetId, String filter, MqttQos qos) {
        return subscribe(packetId, List.of(new MqttSubscription(filter, qos)), MqttProperties.EMPTY);
    }

    public MqttSubAck subscribe(int packetId, List<MqttSubscription> subscriptions, MqttProperties properties) {
        send(new MqttSubscribe(packetId, subscriptions, properties));
        return expect(MqttSubAck.class);
    }

    public MqttUnsubAck unsubscribe(int packetId, String... filters) {
        send(new MqttUnsubscribe(packetId, List.of(filters), MqttProperties.EMPTY));
        return expect(MqttUnsubAck.class);
    }

    /** Sends a PUBLISH (no DUP, no properties). */
    public void publish(String topic, String payload, MqttQos qos, boolean retain, int packetId) {
        send(new MqttPublish(false, qos, retain, topic, packetId, MqttProperties.EMPTY,
                payload.getBytes(StandardCharsets.UTF_8)));
    }

    /** Publishes at QoS 0/1/2 and completes the acknowledgement flow. */
    public void publishAndComplete(String topic, String payload, MqttQos qos, boolean retain, int packetId) {
        publish(topic, payload, qos, retain, packetId);
        if (qos == MqttQos.AT_LEAST_ONCE) {
            expect(MqttPubAck.class);
        } else if (qos == MqttQos.EXACTLY_ONCE) {
            expect(MqttPubRec.class);
            send(new MqttPubRel(packetId));
            expect(MqttPubComp.class);
        }
    }

    /** Acknowledges a received PUBLISH as the protocol requires (PUBACK, or PUBREC + PUBREL/PUBCOMP). */
    public void acknowledge(MqttPublish publish) {
        if (publish.qos() == MqttQos.AT_LEAST_ONCE) {
            send(new MqttPubAck(publish.packetId()));
        } else if (publish.qos() == MqttQos.EXACTLY_ONCE) {
            send(new MqttPubRec(publish.packetId()));
            expect(MqttPubRel.class);
            send(new MqttPubComp(publish.packetId()));
        }
    }

    public static String text(MqttPublish publish) {
        return new String(publish.payload(), StandardCharsets.UTF_8);
    }

    /** Sends DISCONNECT (normal) and closes. */
    public void disconnect() {
        if (channel.isActive()) {
            send(MqttDisconnect.NORMAL);
        }
        close();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
    }

    /** Marker queued when the connection closed. */
    private static final class Closed {
        @Override
        public String toString() {
            return "<connection closed>";
        }
    }

    private static final class Collector extends SimpleChannelInboundHandler<MqttPacket> {
        private final BlockingQueue<Object> target;

        Collector(BlockingQueue<Object> target) {
            this.target = target;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, MqttPacket msg) {
            target.add(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof MqttDecodeException) {
                target.add(cause);
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            target.add(new Closed());
        }
    }
}
