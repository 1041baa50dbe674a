package io.mqttharness.codec;

import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.netty.buffer.ByteBuf;

/**
 * Variable Byte Integers (MQTT 5.0 section 1.5.5, MQTT 3.1.1 section 2.2.3 "Remaining Length"): 7 bits per
 * byte, least significant group first, high bit set while more bytes follow, at most 4 bytes. This is the only
 * class that reads, writes or sizes them.
 *
 * <p>Decoding is strict: a fifth byte and encodings longer than necessary (e.g. {@code 80 00} for 0) are
 * Malformed Packets [MQTT-1.5.5-1].
 */
public final class MqttVariableByteInteger {
    /** The largest encodable value, 268,435,455 (0xFF 0xFF 0xFF 0x7F). */
    public static final int MAX_VALUE = 268_435_455;

    /** The most bytes a Variable Byte Integer may take. */
    public static final int MAX_BYTES = 4;

    /** Returned by {@link #peek} when the buffer ends before the last byte of the integer. */
    public static final long INCOMPLETE = -1L;

    private static final String STATEMENT_V5 = "MQTT-1.5.5-1";

    private MqttVariableByteInteger() {
    }

    /** The number of bytes {@code value} takes on the wire, 1..4. */
    public static int size(int value) {
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException("variable byte integer out of range 0.." + MAX_VALUE + ": " + value);
        }
        if (value < 128) {
            return 1;
        }
        if (value < 16_384) {
            return 2;
        }
        return value < 2_097_152 ? 3 : 4;
    }

    /** Writes {@code value} in its minimal encoding. */
    public static void write(ByteBuf buf, int value) {
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException("variable byte integer out of range 0.." + MAX_VALUE + ": " + value);
        }
        do {
            int digit = value & 0x7F;
            value >>>= 7;
            buf.writeByte(value > 0 ? digit | 0x80 : digit);
        } while (value > 0);
    }

    /**
     * Reads a Variable Byte Integer at the reader index and advances past it, reporting violations with the
     * MQTT 5 statement ID.
     *
     * @throws MqttDecodeException Malformed Packet for a truncated, over-long (5 byte) or non-minimal encoding
     */
    public static int read(ByteBuf buf) {
        return read(buf, MqttVersion.MQTT_5);
    }

    /**
     * Reads a Variable Byte Integer at the reader index and advances past it.
     *
     * @param version decides the statement ID of a violation (MQTT 3.1.1 numbers none for this rule)
     * @throws MqttDecodeException Malformed Packet for a truncated, over-long (5 byte) or non-minimal encoding
     */
    public static int read(ByteBuf buf, MqttVersion version) {
        long packed = peek(buf, buf.readerIndex(), buf.writerIndex(), version);
        if (packed == INCOMPLETE) {
            throw new MqttDecodeException(MqttDisconnectReasonCode.MALFORMED_PACKET, null,
                    "packet ends inside a variable byte integer");
        }
        buf.skipBytes(encodedLength(packed));
        return value(packed);
    }

    /**
     * Decodes a Variable Byte Integer starting at {@code index} without moving any index; used for framing,
     * where the rest of the integer may not have arrived yet.
     *
     * @param limit the index just past the last readable byte
     * @return {@link #INCOMPLETE}, or the value and its encoded length packed together: take them apart with
     *         {@link #value(long)} and {@link #encodedLength(long)}
     * @throws MqttDecodeException Malformed Packet for a fifth byte or a non-minimal encoding, as soon as that
     *         can be seen (a fourth byte with the continuation bit is rejected without waiting for a fifth)
     */
    public static long peek(ByteBuf buf, int index, int limit, MqttVersion version) {
        int value = 0;
        int shift = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            if (index + i >= limit) {
                return INCOMPLETE;
            }
            int b = buf.getByte(index + i) & 0xFF;
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new MqttDecodeException(MqttDisconnectReasonCode.MALFORMED_PACKET, statement(version),
                            "variable byte integer not encoded in the minimum number of bytes");
                }
                return ((long) (i + 1) << 32) | value;
            }
            shift += 7;
        }
        throw new MqttDecodeException(MqttDisconnectReasonCode.MALFORMED_PACKET, statement(version),
                "variable byte integer longer than 4 bytes");
    }

    /** The value part of a {@link #peek} result. */
    public static int value(long packed) {
        return (int) packed;
    }

    /** The encoded length (1..4) part of a {@link #peek} result. */
    public static int encodedLength(long packed) {
        return (int) (packed >>> 32);
    }

    private static String statement(MqttVersion version) {
        return version != null && version.isV5() ? STATEMENT_V5 : null;
    }
}
