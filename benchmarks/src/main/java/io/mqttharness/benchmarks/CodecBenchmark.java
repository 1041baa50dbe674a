package io.mqttharness.benchmarks;

import io.mqttharness.codec.MqttPacketDecoder;
import io.mqttharness.codec.MqttPacketEncoder;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttUserProperty;
import io.mqttharness.codec.MqttVariableByteInteger;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.netty.MqttDecoder;
import io.mqttharness.codec.netty.MqttEncoder;
import io.mqttharness.codec.packet.MqttPublish;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * PUBLISH decode and encode throughput, our codec against netty-codec-mqtt, MQTT 3.1.1, QoS 1, 16-byte and
 * 4 KiB payloads, plus our MQTT 5 path with a realistic property set.
 *
 * <p>Three levels, each comparable only with its own level:
 * <ul>
 *   <li>{@code *Pipeline}: each codec as the Netty handler a server installs, driven through its own
 *       {@link EmbeddedChannel}. Includes ByteToMessageDecoder cumulation / MessageToMessageEncoder dispatch,
 *       which for a 16-byte payload is a large share of the time.</li>
 *   <li>{@code *Handler}: the apples-to-apples codec comparison. The handler's own {@code decode(ctx, in, out)}
 *       (framing + parsing, no cumulation, no pipeline) and, for encoding, our {@link MqttPacketEncoder#encode}
 *       against Netty's static {@code MqttEncoder.doEncode} (what its handler calls). Both are reached through
 *       a {@link MethodHandle} because Netty exposes them only as protected/package-private members.</li>
 *   <li>{@code decodeOursBody}: our pure {@link MqttPacketDecoder#decode} on the already framed body; Netty has
 *       no equivalent, so it has no Netty counterpart.</li>
 * </ul>
 *
 * <p>Fairness: decode consumes identical wire bytes on both sides (checked in setup: both encoders produce the
 * same bytes, both decoders yield the same fields); every encode op builds a new message (Netty's message needs
 * its header objects and a payload duplicate); every buffer obtained is released and every result goes to the
 * {@link Blackhole}. Differences that remain belong to the libraries: our decoder copies the payload into a
 * {@code byte[]} (the record model) and validates UTF-8 strictly; Netty's keeps a retained slice of the input.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CodecBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecBenchmark {
    private static final String TOPIC = "sensors/building-7/floor-3/room-42/temperature";
    private static final int PACKET_ID = 4242;
    private static final int MAX_PACKET = 1 << 20;
    private static final int FIXED_HEADER = 0x32; // PUBLISH, QoS 1

    private static final MethodHandle OURS_HANDLER_DECODE = handlerDecode(MqttDecoder.class);
    private static final MethodHandle NETTY_HANDLER_DECODE =
            handlerDecode(io.netty.handler.codec.mqtt.MqttDecoder.class);
    private static final MethodHandle NETTY_DO_ENCODE = nettyDoEncode();

    @Param({"16", "4096"})
    public int payloadSize;

    private byte[] payload;
    private ByteBuf nettyPayload;
    private byte[] wire;
    private int bodyOffset;
    private MqttPublish ours;

    private MqttProperties v5Properties;
    private byte[] wireV5;

    private EmbeddedChannel oursDecode;
    private EmbeddedChannel nettyDecode;
    private EmbeddedChannel oursEncode;
    private EmbeddedChannel nettyEncode;
    private EmbeddedChannel oursDecodeV5;
    private EmbeddedChannel oursEncodeV5;

    private MqttDecoder oursDecoder;
    private io.netty.handler.codec.mqtt.MqttDecoder nettyDecoder;
    private ChannelHandlerContext oursDecoderCtx;
    private ChannelHandlerContext nettyDecoderCtx;
    private ChannelHandlerContext nettyEncoderCtx;
    private final List<Object> out = new ArrayList<>(1);

    @Setup(Level.Trial)
    public void setUp() {
        payload = new byte[payloadSize];
        new Random(42).nextBytes(payload);
        nettyPayload = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(payload));
        ours = newPublish(MqttProperties.EMPTY);
        wire = encodeOnce(ours, MqttVersion.MQTT_3_1_1);
        bodyOffset = 1 + MqttVariableByteInteger.encodedLength(
                MqttVariableByteInteger.peek(Unpooled.wrappedBuffer(wire), 1, wire.length, null));

        v5Properties = MqttProperties.builder()
                .payloadFormatIndicator(0)
                .messageExpiryInterval(3_600L)
                .contentType("application/octet-stream")
                .responseTopic("replies/device-17")
                .correlationData("c0ffee-4242-0017".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .userProperties(List.of(new MqttUserProperty("trace-id", "4bf92f3577b34da6a3ce929d0e0e4736"),
                        new MqttUserProperty("tenant", "acme")))
                .build();
        wireV5 = encodeOnce(newPublish(v5Properties), MqttVersion.MQTT_5);

        oursDecode = new EmbeddedChannel(new MqttDecoder(MqttVersion.MQTT_3_1_1, MAX_PACKET));
        nettyDecode = new EmbeddedChannel(new io.netty.handler.codec.mqtt.MqttDecoder(MAX_PACKET));
        oursEncode = new EmbeddedChannel(new MqttEncoder(MqttVersion.MQTT_3_1_1));
        nettyEncode = new EmbeddedChannel(io.netty.handler.codec.mqtt.MqttEncoder.INSTANCE);
        oursDecodeV5 = new EmbeddedChannel(new MqttDecoder(MqttVersion.MQTT_5, MAX_PACKET));
        oursEncodeV5 = new EmbeddedChannel(new MqttEncoder(MqttVersion.MQTT_5));

        // the handler-level benchmarks call the handlers directly; the channels only supply a real context
        oursDecoder = new MqttDecoder(MqttVersion.MQTT_3_1_1, MAX_PACKET);
        nettyDecoder = new io.netty.handler.codec.mqtt.MqttDecoder(MAX_PACKET);
        oursDecoderCtx = new EmbeddedChannel(oursDecoder).pipeline().context(oursDecoder);
        nettyDecoderCtx = new EmbeddedChannel(nettyDecoder).pipeline().context(nettyDecoder);
        nettyEncoderCtx = nettyEncode.pipeline().context(io.netty.handler.codec.mqtt.MqttEncoder.INSTANCE);
        verifySameWork();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (Object ch : List.of(oursDecode, nettyDecode, oursEncode, nettyEncode, oursDecodeV5, oursEncodeV5,
                oursDecoderCtx.channel(), nettyDecoderCtx.channel())) {
            ((EmbeddedChannel) ch).finishAndReleaseAll();
        }
    }

    // ---- pipeline level: the handlers as installed in a channel ----

    @Benchmark
    public void decodeOursPipeline(Blackhole bh) {
        oursDecode.writeInbound(Unpooled.wrappedBuffer(wire));
        bh.consume(oursDecode.<MqttPublish>readInbound());
    }

    @Benchmark
    public void decodeNettyPipeline(Blackhole bh) {
        nettyDecode.writeInbound(Unpooled.wrappedBuffer(wire));
        consumeAndRelease(nettyDecode.readInbound(), bh);
    }

    @Benchmark
    public void encodeOursPipeline(Blackhole bh) {
        oursEncode.writeOutbound(newPublish(MqttProperties.EMPTY));
        consumeAndRelease(oursEncode.<ByteBuf>readOutbound(), bh);
    }

    @Benchmark
    public void encodeNettyPipeline(Blackhole bh) {
        nettyEncode.writeOutbound(nettyPublish());
        consumeAndRelease(nettyEncode.<ByteBuf>readOutbound(), bh);
    }

    // ---- handler level: framing + parsing / message-to-bytes, no pipeline (apples-to-apples) ----

    @Benchmark
    public void decodeOursHandler(Blackhole bh) throws Throwable {
        ByteBuf in = Unpooled.wrappedBuffer(wire);
        OURS_HANDLER_DECODE.invokeExact((Object) oursDecoder, oursDecoderCtx, in, out);
        in.release();
        bh.consume(out.get(0));
        out.clear();
    }

    @Benchmark
    public void decodeNettyHandler(Blackhole bh) throws Throwable {
        ByteBuf in = Unpooled.wrappedBuffer(wire);
        NETTY_HANDLER_DECODE.invokeExact((Object) nettyDecoder, nettyDecoderCtx, in, out);
        in.release(); // the message still holds its own retained slice
        consumeAndRelease(out.get(0), bh);
        out.clear();
    }

    @Benchmark
    public void encodeOursHandler(Blackhole bh) {
        consumeAndRelease(MqttPacketEncoder.encode(newPublish(MqttProperties.EMPTY), MqttVersion.MQTT_3_1_1,
                nettyEncoderCtx.alloc()), bh);
    }

    @Benchmark
    public void encodeNettyHandler(Blackhole bh) throws Throwable {
        MqttPublishMessage msg = nettyPublish();
        ByteBuf encoded = (ByteBuf) NETTY_DO_ENCODE.invokeExact(nettyEncoderCtx, (MqttMessage) msg);
        msg.release(); // what MessageToMessageEncoder does after encode
        consumeAndRelease(encoded, bh);
    }

    // ---- ours only ----

    /** Body only, framing already done: the pure function the broker's decoder calls. */
    @Benchmark
    public void decodeOursBody(Blackhole bh) {
        ByteBuf in = Unpooled.wrappedBuffer(wire, bodyOffset, wire.length - bodyOffset);
        bh.consume(MqttPacketDecoder.decode(FIXED_HEADER, in, MqttVersion.MQTT_3_1_1));
    }

    /** MQTT 5 QoS 1 PUBLISH with seven properties, full frame path. */
    @Benchmark
    public void decodeOursV5Pipeline(Blackhole bh) {
        oursDecodeV5.writeInbound(Unpooled.wrappedBuffer(wireV5));
        bh.consume(oursDecodeV5.<MqttPublish>readInbound());
    }

    @Benchmark
    public void encodeOursV5Pipeline(Blackhole bh) {
        oursEncodeV5.writeOutbound(newPublish(v5Properties));
        consumeAndRelease(oursEncodeV5.<ByteBuf>readOutbound(), bh);
    }

    private MqttPublish newPublish(MqttProperties properties) {
        return new MqttPublish(false, MqttQos.AT_LEAST_ONCE, false, TOPIC, PACKET_ID, properties, payload);
    }

    private MqttPublishMessage nettyPublish() {
        return new MqttPublishMessage(
                new MqttFixedHeader(MqttMessageType.PUBLISH, false, io.netty.handler.codec.mqtt.MqttQoS.AT_LEAST_ONCE,
                        false, 0),
                new MqttPublishVariableHeader(TOPIC, PACKET_ID), nettyPayload.duplicate());
    }

    private static void consumeAndRelease(Object msg, Blackhole bh) {
        bh.consume(msg);
        io.netty.util.ReferenceCountUtil.release(msg);
    }

    private static byte[] encodeOnce(MqttPublish publish, MqttVersion version) {
        ByteBuf encoded = MqttPacketEncoder.encode(publish, version, ByteBufAllocator.DEFAULT);
        try {
            return ByteBufUtil.getBytes(encoded);
        } finally {
            encoded.release();
        }
    }

    /** Fails the run if the two codecs would not be doing the same job on the same bytes. */
    private void verifySameWork() {
        nettyEncode.writeOutbound(nettyPublish());
        byte[] nettyWire = bytesOf(nettyEncode.readOutbound());
        if (!Arrays.equals(wire, nettyWire)) {
            throw new IllegalStateException("encoders disagree: ours " + ByteBufUtil.hexDump(wire) + " netty "
                    + ByteBufUtil.hexDump(nettyWire));
        }
        MqttPublish viaBody = (MqttPublish) MqttPacketDecoder.decode(FIXED_HEADER,
                Unpooled.wrappedBuffer(wire, bodyOffset, wire.length - bodyOffset), MqttVersion.MQTT_3_1_1);
        oursDecode.writeInbound(Unpooled.wrappedBuffer(wire));
        oursDecodeV5.writeInbound(Unpooled.wrappedBuffer(wireV5));
        check(ours.equals(viaBody) && ours.equals(oursDecode.readInbound())
                && newPublish(v5Properties).equals(oursDecodeV5.readInbound()), "our decoder");
        check(Arrays.equals(wire, bytesOf(MqttPacketEncoder.encode(ours, MqttVersion.MQTT_3_1_1,
                nettyEncoderCtx.alloc()))), "our encoder");
        try {
            check(Arrays.equals(wire, bytesOf((ByteBuf) NETTY_DO_ENCODE.invokeExact(nettyEncoderCtx,
                    (MqttMessage) nettyPublish()))), "netty doEncode");
            ByteBuf in = Unpooled.wrappedBuffer(wire);
            OURS_HANDLER_DECODE.invokeExact((Object) oursDecoder, oursDecoderCtx, in, out);
            check(out.size() == 1 && ours.equals(out.get(0)) && !in.isReadable(), "our handler decode");
            out.clear();
            in.setIndex(0, wire.length);
            NETTY_HANDLER_DECODE.invokeExact((Object) nettyDecoder, nettyDecoderCtx, in, out);
            in.release();
        } catch (Throwable e) {
            throw new IllegalStateException("direct handler call failed", e);
        }
        nettyDecode.writeInbound(Unpooled.wrappedBuffer(wire));
        out.add(nettyDecode.readInbound());
        for (Object o : out) {
            MqttPublishMessage msg = (MqttPublishMessage) o;
            try {
                check(TOPIC.equals(msg.variableHeader().topicName()) && msg.variableHeader().packetId() == PACKET_ID
                        && Arrays.equals(payload, ByteBufUtil.getBytes(msg.payload())), "netty decoder " + msg);
            } finally {
                msg.release();
            }
        }
        check(out.size() == 2, "netty handler decode");
        out.clear();
    }

    private static byte[] bytesOf(ByteBuf buf) {
        try {
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what + " did not produce the expected result");
        }
    }

    /** {@code handler.decode(ctx, in, out)}, typed (Object, ChannelHandlerContext, ByteBuf, List)void. */
    private static MethodHandle handlerDecode(Class<?> handler) {
        try {
            Method m = handler.getDeclaredMethod("decode", ChannelHandlerContext.class, ByteBuf.class, List.class);
            m.setAccessible(true);
            return MethodHandles.lookup().unreflect(m).asType(java.lang.invoke.MethodType.methodType(void.class,
                    Object.class, ChannelHandlerContext.class, ByteBuf.class, List.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Netty's {@code static ByteBuf MqttEncoder.doEncode(ChannelHandlerContext, MqttMessage)}. */
    private static MethodHandle nettyDoEncode() {
        try {
            Method m = io.netty.handler.codec.mqtt.MqttEncoder.class.getDeclaredMethod("doEncode",
                    ChannelHandlerContext.class, MqttMessage.class);
            m.setAccessible(true);
            return MethodHandles.lookup().unreflect(m);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
