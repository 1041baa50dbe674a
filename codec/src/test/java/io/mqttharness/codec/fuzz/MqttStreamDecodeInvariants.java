package io.mqttharness.codec.fuzz;

import io.mqttharness.codec.MqttDecodeException;
import io.mqttharness.codec.MqttPacketDecoder;
import io.mqttharness.codec.MqttPacketEncoder;
import io.mqttharness.codec.MqttVariableByteInteger;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.netty.MqttDecoder;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The properties every byte stream must have when framed by {@link MqttDecoder}, whatever the bytes are:
 * <ul>
 *   <li>the decoder yields packets and then either waits for more bytes or reports one
 *       {@link MqttDecodeException} with an error reason code (0x80 or above), a message and, if any, a
 *       well-formed statement ID; no other exception ever escapes;</li>
 *   <li>after that error nothing more is decoded (the stream cannot be framed any more);</li>
 *   <li>the outcome does not depend on how TCP cut the stream: fed byte by byte it is the same;</li>
 *   <li>every decoded packet survives {@code decode(encode(p)) == p} under the version it was decoded in.</li>
 * </ul>
 * Violations throw {@link AssertionError} (a fuzz finding); shared by the fuzz tests and their named
 * regression tests.
 */
final class MqttStreamDecodeInvariants {
    private static final Pattern STATEMENT_ID = Pattern.compile("MQTT-\\d+(\\.\\d+)+-\\d+");
    /** The MQTT 3.1.1 specification prints this one ID with a dash; the codec quotes it as printed. */
    static final String PRINTED_AS_IS = "MQTT-3-8.3-4";
    /** Byte-by-byte feeding costs one decode attempt per byte; beyond this size the whole-stream pass suffices. */
    private static final int SPLIT_FEED_LIMIT = 4096;

    private MqttStreamDecodeInvariants() {
    }

    /** The packets decoded from {@code stream} and the error that ended it, if any. */
    record Outcome(List<MqttPacket> packets, MqttDecodeException error) {
    }

    /** Checks all invariants on {@code stream} for a connection already at {@code version}. */
    static Outcome check(byte[] stream, MqttVersion version) {
        Outcome whole = feed(stream, version, stream.length);
        if (stream.length <= SPLIT_FEED_LIMIT) {
            Outcome split = feed(stream, version, 1);
            if (!split.packets().equals(whole.packets())) {
                throw new AssertionError("decoding byte by byte gave " + split.packets() + " but the whole stream gave "
                        + whole.packets());
            }
            if ((split.error() == null) != (whole.error() == null)) {
                throw new AssertionError("decoding byte by byte ended with " + split.error()
                        + " but the whole stream with " + whole.error());
            }
        }
        checkError(whole.error());
        checkRoundTrips(whole.packets(), version);
        return whole;
    }

    private static Outcome feed(byte[] stream, MqttVersion version, int chunk) {
        EventRecorder recorder = new EventRecorder();
        EmbeddedChannel channel = new EmbeddedChannel(
                new MqttDecoder(version, MqttDecoder.PROTOCOL_MAX_PACKET_SIZE), recorder);
        try {
            for (int offset = 0; offset < stream.length; offset += chunk) {
                int length = Math.min(chunk, stream.length - offset);
                channel.writeInbound(Unpooled.wrappedBuffer(stream, offset, length));
            }
        } finally {
            channel.finishAndReleaseAll();
        }
        if (recorder.violation != null) {
            throw recorder.violation;
        }
        return new Outcome(recorder.packets, recorder.error);
    }

    /**
     * Records packets and errors in the order the decoder fires them: packets decoded before an error in the
     * same read are fine, a packet after it is not. Netty would swallow an error thrown from a handler, so the
     * first violation is kept and thrown once the write returns.
     */
    private static final class EventRecorder extends ChannelInboundHandlerAdapter {
        private final List<MqttPacket> packets = new ArrayList<>();
        private MqttDecodeException error;
        private AssertionError violation;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (error != null) {
                violate(new AssertionError("packet " + message + " decoded after the decode error "
                        + error.getMessage()));
            }
            packets.add((MqttPacket) message);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!(cause instanceof MqttDecodeException decodeError)) {
                violate(new AssertionError("the decoder failed with " + cause, cause));
            } else if (error != null) {
                violate(new AssertionError("a second decode error " + cause.getMessage() + " after "
                        + error.getMessage(), cause));
            } else {
                error = decodeError;
            }
        }

        private void violate(AssertionError e) {
            if (violation == null) {
                violation = e;
            }
        }
    }

    private static void checkError(MqttDecodeException error) {
        if (error == null) {
            return;
        }
        if (error.reasonCode() == null || error.reasonCode().code() < 0x80) {
            throw new AssertionError("decode error without an error reason code: " + error.reasonCode(), error);
        }
        if (error.getMessage() == null || error.getMessage().isBlank()) {
            throw new AssertionError("decode error without a message", error);
        }
        if (error.statementId() != null && !STATEMENT_ID.matcher(error.statementId()).matches()
                && !PRINTED_AS_IS.equals(error.statementId())) {
            throw new AssertionError("malformed statement ID '" + error.statementId() + "'", error);
        }
    }

    private static void checkRoundTrips(List<MqttPacket> packets, MqttVersion initial) {
        MqttVersion version = initial;
        for (MqttPacket packet : packets) {
            if (packet instanceof MqttConnect connect) {
                version = connect.version(); // the decoder switches to the CONNECT's version at once, so do we
            }
            MqttPacket again = roundTrip(packet, version);
            if (!again.equals(packet)) {
                throw new AssertionError("round trip under " + version.displayName() + " changed " + packet
                        + " into " + again);
            }
        }
    }

    /** {@code decode(encode(packet))} under {@code version}. */
    static MqttPacket roundTrip(MqttPacket packet, MqttVersion version) {
        ByteBuf encoded = MqttPacketEncoder.encode(packet, version, UnpooledByteBufAllocator.DEFAULT);
        try {
            int fixedHeader = encoded.readUnsignedByte();
            long packed = MqttVariableByteInteger.peek(encoded, encoded.readerIndex(), encoded.writerIndex(), version);
            encoded.skipBytes(MqttVariableByteInteger.encodedLength(packed));
            ByteBuf body = encoded.readSlice(MqttVariableByteInteger.value(packed));
            MqttPacket decoded = MqttPacketDecoder.decode(fixedHeader, body, version);
            if (encoded.isReadable() || body.isReadable()) {
                throw new AssertionError("re-decoding " + packet + " left bytes unread");
            }
            return decoded;
        } catch (MqttDecodeException e) {
            throw new AssertionError("the encoding of decoded " + packet + " under " + version.displayName()
                    + " does not decode: " + e.getMessage(), e);
        } finally {
            encoded.release();
        }
    }
}
