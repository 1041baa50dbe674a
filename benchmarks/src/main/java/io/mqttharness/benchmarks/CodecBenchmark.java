package io.mqttharness.benchmarks;

import io.mqttharness.codec.MqttPacketEncoder;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.netty.MqttDecoder;
import io.mqttharness.codec.netty.MqttEncoder;
import io.mqttharness.codec.packet.MqttPublish;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * PUBLISH decode and encode throughput, our codec against netty-codec-mqtt, MQTT 3.1.1, QoS 1, 16-byte and
 * 4 KiB payloads.
 *
 * <p>Fairness: both sides run as the Netty handlers a server would install, driven through an
 * {@link EmbeddedChannel} each (same pipeline overhead); decode consumes the identical wire bytes (checked in
 * setup: both encoders produce the same bytes, both decoders yield the same fields); every op builds a new
 * message (ours is a record, Netty's needs a retained payload because its encoder releases the message) and
 * releases every buffer it gets. Differences that remain are the libraries' own: our decoder copies the payload
 * into a {@code byte[]} and validates UTF-8 strictly; Netty's keeps a retained slice of the input buffer.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CodecBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecBenchmark {
    private static final String TOPIC = "sensors/building-7/floor-3/room-42/temperature";
    private static final int PACKET_ID = 4242;
    private static final int MAX_PACKET = 1 << 20;

    @Param({"16", "4096"})
    public int payloadSize;

    private byte[] payload;
    private ByteBuf nettyPayload;
    private byte[] wire;
    private MqttPublish ours;

    private EmbeddedChannel oursDecode;
    private EmbeddedChannel nettyDecode;
    private EmbeddedChannel oursEncode;
    private EmbeddedChannel nettyEncode;

    @Setup(Level.Trial)
    public void setUp() {
        payload = new byte[payloadSize];
        new Random(42).nextBytes(payload);
        nettyPayload = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(payload));
        ours = new MqttPublish(false, MqttQos.AT_LEAST_ONCE, false, TOPIC, PACKET_ID, MqttProperties.EMPTY, payload);

        ByteBuf encoded = MqttPacketEncoder.encode(ours, MqttVersion.MQTT_3_1_1, ByteBufAllocator.DEFAULT);
        wire = ByteBufUtil.getBytes(encoded);
        encoded.release();

        oursDecode = new EmbeddedChannel(new MqttDecoder(MqttVersion.MQTT_3_1_1, MAX_PACKET));
        nettyDecode = new EmbeddedChannel(new io.netty.handler.codec.mqtt.MqttDecoder(MAX_PACKET));
        oursEncode = new EmbeddedChannel(new MqttEncoder(MqttVersion.MQTT_3_1_1));
        nettyEncode = new EmbeddedChannel(io.netty.handler.codec.mqtt.MqttEncoder.INSTANCE);
        verifySameWork();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        oursDecode.finishAndReleaseAll();
        nettyDecode.finishAndReleaseAll();
        oursEncode.finishAndReleaseAll();
        nettyEncode.finishAndReleaseAll();
    }

    @Benchmark
    public Object decodeOurs() {
        oursDecode.writeInbound(Unpooled.wrappedBuffer(wire));
        return oursDecode.readInbound();
    }

    @Benchmark
    public int decodeNetty() {
        nettyDecode.writeInbound(Unpooled.wrappedBuffer(wire));
        MqttPublishMessage msg = nettyDecode.readInbound();
        int id = msg.variableHeader().packetId();
        msg.release();
        return id;
    }

    @Benchmark
    public int encodeOurs() {
        oursEncode.writeOutbound(new MqttPublish(false, MqttQos.AT_LEAST_ONCE, false, TOPIC, PACKET_ID,
                MqttProperties.EMPTY, payload));
        ByteBuf out = oursEncode.readOutbound();
        int size = out.readableBytes();
        out.release();
        return size;
    }

    @Benchmark
    public int encodeNetty() {
        nettyEncode.writeOutbound(nettyPublish());
        ByteBuf out = nettyEncode.readOutbound();
        int size = out.readableBytes();
        out.release();
        return size;
    }

    private MqttPublishMessage nettyPublish() {
        return new MqttPublishMessage(
                new MqttFixedHeader(MqttMessageType.PUBLISH, false, io.netty.handler.codec.mqtt.MqttQoS.AT_LEAST_ONCE,
                        false, 0),
                new MqttPublishVariableHeader(TOPIC, PACKET_ID), nettyPayload.duplicate());
    }

    /** Fails the run if the two codecs would not be doing the same job on the same bytes. */
    private void verifySameWork() {
        nettyEncode.writeOutbound(nettyPublish());
        ByteBuf nettyBytes = nettyEncode.readOutbound();
        byte[] nettyWire = ByteBufUtil.getBytes(nettyBytes);
        nettyBytes.release();
        if (!java.util.Arrays.equals(wire, nettyWire)) {
            throw new IllegalStateException("encoders disagree: ours " + ByteBufUtil.hexDump(wire) + " netty "
                    + ByteBufUtil.hexDump(nettyWire));
        }
        Object decoded = decodeOurs();
        if (!ours.equals(decoded)) {
            throw new IllegalStateException("our decoder returned " + decoded);
        }
        nettyDecode.writeInbound(Unpooled.wrappedBuffer(wire));
        MqttPublishMessage msg = nettyDecode.readInbound();
        try {
            if (!TOPIC.equals(msg.variableHeader().topicName()) || msg.variableHeader().packetId() != PACKET_ID
                    || !java.util.Arrays.equals(payload, ByteBufUtil.getBytes(msg.payload()))) {
                throw new IllegalStateException("netty decoder returned " + msg);
            }
        } finally {
            msg.release();
        }
    }
}
