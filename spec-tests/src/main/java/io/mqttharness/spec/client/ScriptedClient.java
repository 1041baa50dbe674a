package io.mqttharness.spec.client;

import io.mqttharness.codec.MqttHex;
import io.mqttharness.codec.MqttPacketEncoder;
import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.spec.packet.PacketView;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.Future;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A packet-level MQTT client driven by a scenario: it sends exactly what it is told (structured packets encoded
 * by the project's codec, or raw bytes), records every packet both ways in the {@link ScenarioTrace}, and queues
 * what it receives in a {@link ClientInbox}. It answers nothing by itself, except with {@code auto_ack}.
 * Every blocking call has a timeout. One instance per logical client; each {@link #open} starts a new
 * connection with a fresh inbox.
 */
public final class ScriptedClient implements AutoCloseable {
    private static final long WRITE_TIMEOUT_MILLIS = 5_000;
    private static final long CLOSE_TIMEOUT_MILLIS = 5_000;
    /** Prefix of the message of an invalid {@code ws_split}, so the engine can report it as a scenario error. */
    public static final String WS_SPLIT_ERROR = "ws_split: ";

    private final String name;
    private final MqttVersion version;
    private final boolean autoAck;
    private final ScenarioTrace trace;
    private final EventLoopGroup group;
    private final AtomicInteger packetIds = new AtomicInteger();
    private volatile Channel channel;
    private volatile MqttTarget target;
    private volatile ClientInbox inbox = new ClientInbox();
    private volatile boolean closingByHarness;
    /** Set before a DISCONNECT is written: the client then sends nothing more on this connection [MQTT-3.14.4-2]. */
    private volatile boolean disconnectSent;
    private volatile Long maximumPacketSize;
    private final ProtocolMonitor monitor;

    public ScriptedClient(String name, MqttVersion version, boolean autoAck, ScenarioTrace trace,
            EventLoopGroup group) {
        this.name = name;
        this.version = version;
        this.autoAck = autoAck;
        this.trace = trace;
        this.group = group;
        this.monitor = new ProtocolMonitor(version);
    }

    /**
     * Opens a new network connection (closing any previous one first).
     *
     * @throws BrokerUnreachableException when the connection cannot be made within {@code timeout}
     */
    public void open(MqttTarget target, Duration timeout) throws InterruptedException {
        close();
        this.target = target;
        closingByHarness = false;
        disconnectSent = false;
        inbox = new ClientInbox();
        monitor.newConnection();
        // TLS files are checked before connecting so that a bad file is reported by name, not as a closed channel
        SslContext ssl = target.transport().secure() ? ClientTlsContexts.of(target.tls()) : null;
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ClientChannelInitializer(target, ssl, this, timeout.toMillis()));
        ChannelFuture f = bootstrap.connect(target.host(), target.port());
        if (!f.await(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
            f.cancel(false);
            throw new BrokerUnreachableException("cannot connect to " + target + ": no answer within "
                    + timeout.toMillis() + " ms", null);
        }
        if (!f.isSuccess()) {
            Throwable cause = f.cause();
            throw new BrokerUnreachableException("cannot connect to " + target + ": "
                    + (cause == null ? "unknown error" : cause.getMessage()), cause);
        }
        Channel c = f.channel();
        awaitTransportHandshakes(c, target, timeout);
        channel = c;
        trace.event(name, "connected to " + target + " from " + c.localAddress());
        if (target.tls() != null && target.tls().insecure()) {
            trace.event(name, "WARNING: the broker's TLS certificate is not verified (insecure: true)");
        }
    }

    /** Waits (bounded) until TLS and WebSocket handshakes are done, so that the first packet is not sent early. */
    private void awaitTransportHandshakes(Channel c, MqttTarget target, Duration timeout) throws InterruptedException {
        Future<Void> ready = c.attr(ClientChannelInitializer.READY).get();
        if (ready == null) {
            return;
        }
        if (!ready.await(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
            c.close();
            throw new BrokerUnreachableException("cannot connect to " + target + ": transport handshake not done "
                    + "within " + timeout.toMillis() + " ms", null);
        }
        if (!ready.isSuccess()) {
            c.close();
            Throwable cause = ready.cause();
            throw new BrokerUnreachableException("cannot connect to " + target + ": "
                    + (cause == null ? "handshake failed" : describe(cause)), cause);
        }
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = t.getMessage() == null ? t.toString() : t.getMessage();
        return root == t ? message : message + " (" + root.getMessage() + ")";
    }

    /**
     * The subprotocol the broker selected in the WebSocket handshake of the open connection ({@code null}: none,
     * or not a WebSocket connection).
     */
    public String webSocketSubprotocol() {
        Channel c = channel;
        if (c == null) {
            return null;
        }
        WebSocketClientProtocolHandler handler = c.pipeline().get(WebSocketClientProtocolHandler.class);
        return handler == null ? null : handler.handshaker().actualSubprotocol();
    }

    /** Whether the broker (not the harness) closed the last connection. */
    public boolean closedByBroker() {
        return channel != null && inbox.closed() && !closingByHarness;
    }

    /** Whether a connection is open. */
    public boolean isOpen() {
        Channel c = channel;
        return c != null && c.isActive();
    }

    /** Encodes and sends a packet; returns false (and traces why) if the connection is already closed. */
    public boolean send(MqttPacket packet) throws InterruptedException {
        return send(packet, null);
    }

    /**
     * Encodes and sends a packet, optionally replacing the four flag bits of the fixed header after encoding (to
     * produce e.g. a PUBLISH with QoS 3 that the encoder itself refuses to write).
     */
    public boolean send(MqttPacket packet, Integer fixedHeaderFlags) throws InterruptedException {
        return send(packet, fixedHeaderFlags, null);
    }

    /**
     * As {@link #send(MqttPacket, Integer)}; with {@code webSocketSplit} the encoded bytes are cut into several
     * WebSocket binary frames at those offsets.
     */
    public boolean send(MqttPacket packet, Integer fixedHeaderFlags, int[] webSocketSplit)
            throws InterruptedException {
        if (packet.type() == MqttPacketType.DISCONNECT) {
            // before the write is submitted: an auto_ack on the event loop either went out first or is dropped
            disconnectSent = true;
        }
        ByteBuf encoded = MqttPacketEncoder.encode(packet, version, ByteBufAllocator.DEFAULT);
        byte[] bytes = new byte[encoded.readableBytes()];
        encoded.readBytes(bytes);
        encoded.release();
        String summary = packet.type() + " " + PacketView.of(packet, version);
        if (fixedHeaderFlags != null) {
            monitor.untracked();
        } else {
            monitor.sent(packet);
        }
        if (fixedHeaderFlags != null) {
            bytes[0] = (byte) ((bytes[0] & 0xF0) | (fixedHeaderFlags & 0x0F));
            summary += String.format(" with fixed header flags forced to 0x%x", fixedHeaderFlags & 0x0F);
        }
        return webSocketSplit == null ? write(bytes, summary) : sendWebSocketFrames(bytes, webSocketSplit, summary);
    }

    /** Sends bytes exactly as given. */
    public boolean sendRaw(byte[] bytes) throws InterruptedException {
        monitor.untracked();
        return write(bytes, "raw bytes");
    }

    /** Sends bytes exactly as given, cut into WebSocket binary frames at {@code webSocketSplit} if not null. */
    public boolean sendRaw(byte[] bytes, int[] webSocketSplit) throws InterruptedException {
        monitor.untracked();
        return webSocketSplit == null ? sendRaw(bytes) : sendWebSocketFrames(bytes, webSocketSplit, "raw bytes");
    }

    /**
     * Sends bytes split into consecutive WebSocket binary frames at the given offsets (a packet split across
     * frames, [MQTT-6.0.0-2]); only on WebSocket targets.
     */
    public boolean sendWebSocketFrames(byte[] bytes, int[] splits, String summary) throws InterruptedException {
        Channel c = requireWebSocket("ws_split");
        if (c == null) {
            trace.event(name, "not sent, the connection is closed: " + summary + " in WebSocket frames ["
                    + MqttHex.format(bytes) + "]");
            return false;
        }
        int from = 0;
        List<String> parts = new ArrayList<>();
        for (int i = 0; i <= splits.length; i++) {
            int to = i < splits.length ? splits[i] : bytes.length;
            if (to <= from || to > bytes.length) {
                throw new IllegalArgumentException(WS_SPLIT_ERROR + "offsets must increase within 1.."
                        + (bytes.length - 1) + " for these " + bytes.length + " bytes, got " + Arrays.toString(splits));
            }
            parts.add(MqttHex.format(Arrays.copyOfRange(bytes, from, to)));
            from = to;
        }
        trace.sent(name, summary + " in " + parts.size() + " WebSocket binary frames: " + String.join(" | ", parts),
                MqttHex.format(bytes));
        from = 0;
        ChannelFuture last = null;
        for (int i = 0; i <= splits.length; i++) {
            int to = i < splits.length ? splits[i] : bytes.length;
            last = c.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes, from, to - from)));
            from = to;
        }
        return awaitWrite(last);
    }

    /** Sends a WebSocket text frame, which MQTT does not allow (the broker must close) [MQTT-6.0.0-1]. */
    public boolean sendWebSocketText(String text) throws InterruptedException {
        Channel c = requireWebSocket("ws_text");
        if (c == null) {
            trace.event(name, "not sent, the connection is closed: WebSocket text frame '" + text + "'");
            return false;
        }
        trace.sent(name, "WebSocket text frame '" + text + "'",
                MqttHex.format(text.getBytes(StandardCharsets.UTF_8)));
        return awaitWrite(c.writeAndFlush(new TextWebSocketFrame(text)));
    }

    private Channel requireWebSocket(String what) {
        if (target == null || !target.transport().webSocket()) {
            throw new IllegalStateException(what + " needs a ws:// or wss:// target, not " + target);
        }
        Channel c = channel;
        return c == null || !c.isActive() ? null : c;
    }

    private boolean awaitWrite(ChannelFuture f) throws InterruptedException {
        if (!f.await(WRITE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS) || !f.isSuccess()) {
            trace.event(name, "write failed: " + (f.cause() == null ? "timeout" : f.cause().getMessage()));
            return false;
        }
        return true;
    }

    /** Sends an acknowledgement from the event loop ({@code auto_ack}); traced as automatic. */
    void sendAuto(MqttPacket packet) {
        if (disconnectSent) {
            // e.g. a PUBREC arriving while the script disconnects: a PUBREL now would break [MQTT-3.14.4-2]
            trace.event(name, "auto_ack not sent, DISCONNECT was sent: " + packet.type() + " "
                    + PacketView.of(packet, version));
            return;
        }
        monitor.sent(packet);
        ByteBuf encoded = MqttPacketEncoder.encode(packet, version, channel.alloc());
        trace.sent(name, packet.type() + " " + PacketView.of(packet, version) + " (auto_ack)",
                MqttHex.format(encoded));
        channel.writeAndFlush(encoded);
    }

    private boolean write(byte[] bytes, String summary) throws InterruptedException {
        Channel c = channel;
        String hex = MqttHex.format(bytes);
        if (c == null || !c.isActive()) {
            trace.event(name, "not sent, the connection is closed: " + summary + " [" + hex + "]");
            return false;
        }
        trace.sent(name, summary, hex);
        return awaitWrite(c.writeAndFlush(Unpooled.wrappedBuffer(bytes)));
    }

    /** Closes the network connection without DISCONNECT and waits (bounded) until it is closed. */
    @Override
    public void close() throws InterruptedException {
        Channel c = channel;
        if (c != null && c.isOpen()) {
            closingByHarness = true;
            c.close().await(CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The Maximum Packet Size this client announced in its last CONNECT ({@code null}: none, no limit); the broker
     * must never send it a larger packet [MQTT-3.1.2-24].
     */
    public Long maximumPacketSize() {
        return maximumPacketSize;
    }

    public void maximumPacketSize(Long value) {
        this.maximumPacketSize = value;
    }

    /** A new packet identifier 1..65535 for packets whose scenario gives none. */
    public int nextPacketId() {
        return packetIds.updateAndGet(i -> i >= 65535 ? 1 : i + 1);
    }

    public String name() {
        return name;
    }

    public MqttVersion version() {
        return version;
    }

    /** Protocol violations seen on this client's connections so far, read or not by a step. */
    public ProtocolMonitor monitor() {
        return monitor;
    }

    public ClientInbox inbox() {
        return inbox;
    }

    public ScenarioTrace trace() {
        return trace;
    }

    boolean autoAck() {
        return autoAck;
    }

    boolean closingByHarness() {
        return closingByHarness;
    }
}
