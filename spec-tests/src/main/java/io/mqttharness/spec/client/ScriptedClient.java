package io.mqttharness.spec.client;

import io.mqttharness.codec.MqttHex;
import io.mqttharness.codec.MqttPacketEncoder;
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
import java.time.Duration;
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

    private final String name;
    private final MqttVersion version;
    private final boolean autoAck;
    private final ScenarioTrace trace;
    private final EventLoopGroup group;
    private final AtomicInteger packetIds = new AtomicInteger();
    private volatile Channel channel;
    private volatile ClientInbox inbox = new ClientInbox();
    private volatile boolean closingByHarness;
    private volatile Long maximumPacketSize;

    public ScriptedClient(String name, MqttVersion version, boolean autoAck, ScenarioTrace trace,
            EventLoopGroup group) {
        this.name = name;
        this.version = version;
        this.autoAck = autoAck;
        this.trace = trace;
        this.group = group;
    }

    /**
     * Opens a new network connection (closing any previous one first).
     *
     * @throws BrokerUnreachableException when the connection cannot be made within {@code timeout}
     */
    public void open(MqttTarget target, Duration timeout) throws InterruptedException {
        close();
        closingByHarness = false;
        inbox = new ClientInbox();
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ClientChannelInitializer(target, this));
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
        channel = f.channel();
        trace.event(name, "connected to " + target + " from " + channel.localAddress());
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
        ByteBuf encoded = MqttPacketEncoder.encode(packet, version, ByteBufAllocator.DEFAULT);
        byte[] bytes = new byte[encoded.readableBytes()];
        encoded.readBytes(bytes);
        encoded.release();
        String summary = packet.type() + " " + PacketView.of(packet, version);
        if (fixedHeaderFlags != null) {
            bytes[0] = (byte) ((bytes[0] & 0xF0) | (fixedHeaderFlags & 0x0F));
            summary += String.format(" with fixed header flags forced to 0x%x", fixedHeaderFlags & 0x0F);
        }
        return write(bytes, summary);
    }

    /** Sends bytes exactly as given. */
    public boolean sendRaw(byte[] bytes) throws InterruptedException {
        return write(bytes, "raw bytes");
    }

    /** Sends an acknowledgement from the event loop ({@code auto_ack}); traced as automatic. */
    void sendAuto(MqttPacket packet) {
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
        ChannelFuture f = c.writeAndFlush(Unpooled.wrappedBuffer(bytes));
        if (!f.await(WRITE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS) || !f.isSuccess()) {
            trace.event(name, "write failed: " + (f.cause() == null ? "timeout" : f.cause().getMessage()));
            return false;
        }
        return true;
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
