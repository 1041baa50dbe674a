package io.mqttharness.codec;

import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.util.concurrent.FastThreadLocal;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 Encoded Strings (MQTT 5.0 section 1.5.4, MQTT 3.1.1 section 1.5.3): a two-byte length followed by at
 * most 65,535 bytes of well-formed UTF-8 (RFC 3629) that encode no surrogate code point (U+D800..U+DFFF)
 * [MQTT-1.5.4-1 / MQTT-1.5.3-1] and no U+0000 [MQTT-1.5.4-2 / MQTT-1.5.3-2]. A byte order mark is kept as it
 * is [MQTT-1.5.4-3 / MQTT-1.5.3-3].
 *
 * <p>The validator is hand-written (no CharsetDecoder, no regex) with an ASCII fast path that tests eight bytes
 * at a time, because every topic of every PUBLISH passes through it; the first word holding a byte that is not
 * 1..0x7F hands over to the strict byte-by-byte scan, so rejection rules live in one place only.
 */
public final class MqttUtf8 {
    /** The longest string in bytes that a two-byte length prefix can announce. */
    public static final int MAX_BYTES = 65_535;

    private static final int ASCII = 0;
    private static final int MULTI_BYTE = 1;
    private static final int ILL_FORMED = 2;
    private static final int NUL = 3;

    /** Reads eight bytes of a {@code byte[]} as one long, wherever they start (an unaligned load on x86). */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

    /** Strings up to this many bytes (topic names, client identifiers) are read from direct buffers via SCRATCH. */
    private static final int SCRATCH_BYTES = 1024;
    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[SCRATCH_BYTES];
        }
    };

    private MqttUtf8() {
    }

    /**
     * Reads a length-prefixed UTF-8 Encoded String at the reader index and advances past it.
     *
     * @param version decides the statement IDs of violations ({@code null}: MQTT 3.1.1)
     * @throws MqttDecodeException Malformed Packet when the packet ends early or the string is not valid
     */
    public static String read(ByteBuf buf, MqttVersion version) {
        if (buf.readableBytes() < 2) {
            throw new MqttDecodeException(MqttDisconnectReasonCode.MALFORMED_PACKET, null,
                    "packet ends before the length of a UTF-8 string");
        }
        int length = buf.readUnsignedShort();
        if (buf.readableBytes() < length) {
            throw new MqttDecodeException(MqttDisconnectReasonCode.MALFORMED_PACKET, null, "UTF-8 string length "
                    + length + " exceeds the " + buf.readableBytes() + " bytes left in the packet");
        }
        byte[] bytes;
        int offset;
        if (buf.hasArray()) {
            bytes = buf.array();
            offset = buf.arrayOffset() + buf.readerIndex();
        } else {
            // a direct buffer: copy into a per-thread scratch array, since the String copies the bytes anyway
            bytes = length <= SCRATCH_BYTES ? SCRATCH.get() : new byte[length];
            offset = 0;
            buf.getBytes(buf.readerIndex(), bytes, 0, length);
        }
        String result = decode(bytes, offset, length, version);
        buf.skipBytes(length);
        return result;
    }

    /**
     * Validates and decodes {@code length} bytes (without a length prefix).
     *
     * @throws MqttDecodeException Malformed Packet for ill-formed UTF-8, surrogates or U+0000
     */
    public static String decode(byte[] bytes, int offset, int length, MqttVersion version) {
        boolean v5 = version != null && version.isV5();
        switch (scan(bytes, offset, length, false)) {
            case ASCII:
                // ISO-8859-1 skips the UTF-8 decoder's rescan: the bytes are already known to be ASCII
                return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
            case MULTI_BYTE:
                return new String(bytes, offset, length, StandardCharsets.UTF_8);
            case NUL:
                throw new MqttDecodeException(MqttDisconnectReasonCode.MALFORMED_PACKET,
                        v5 ? "MQTT-1.5.4-2" : "MQTT-1.5.3-2", "UTF-8 string contains U+0000");
            default:
                throw new MqttDecodeException(MqttDisconnectReasonCode.MALFORMED_PACKET,
                        v5 ? "MQTT-1.5.4-1" : "MQTT-1.5.3-1",
                        "UTF-8 string is ill-formed or encodes a surrogate (U+D800..U+DFFF)");
        }
    }

    /**
     * The number of UTF-8 bytes of {@code s}, without the two-byte prefix; also checks that {@code s} can be
     * sent as an MQTT string.
     *
     * @throws IllegalArgumentException for U+0000, an unpaired surrogate or more than 65,535 bytes
     */
    public static int encodedLength(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == 0) {
                    throw new IllegalArgumentException("MQTT strings must not contain U+0000");
                }
            } else if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new IllegalArgumentException("unpaired surrogate at index " + i);
                }
                bytes += 2; // two chars, four bytes
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException("unpaired surrogate at index " + i);
            } else {
                bytes += 2;
            }
        }
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("MQTT string too long: " + bytes + " UTF-8 bytes, at most " + MAX_BYTES);
        }
        return bytes;
    }

    /** Two-byte prefix plus the UTF-8 bytes of {@code s}: what {@link #write} puts on the wire. */
    public static int size(String s) {
        return 2 + encodedLength(s);
    }

    /**
     * Writes the two-byte length and the UTF-8 bytes of {@code s}. Does not re-validate: call
     * {@link #size(String)} or {@link #encodedLength(String)} first (the encoder does, to size its buffer).
     */
    public static void write(ByteBuf buf, String s) {
        int length = ByteBufUtil.utf8Bytes(s);
        if (length > MAX_BYTES) {
            throw new IllegalArgumentException("MQTT string too long: " + length + " UTF-8 bytes");
        }
        write(buf, s, length);
    }

    /**
     * Writes the two-byte length and the UTF-8 bytes of {@code s} when its encoded length is already known, which
     * spares the encoder a second pass over the string.
     *
     * @param encodedLength {@link #encodedLength(String) encodedLength(s)}; not re-checked
     */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) is exactly right for ASCII
    public static void write(ByteBuf buf, String s, int encodedLength) {
        buf.writeShort(encodedLength);
        int n = s.length();
        if (encodedLength == n && buf.hasArray()) {
            // as many bytes as chars means all ASCII: the chars' low bytes are the UTF-8 bytes, copied in bulk
            buf.ensureWritable(n);
            int index = buf.writerIndex();
            s.getBytes(0, n, buf.array(), buf.arrayOffset() + index);
            buf.writerIndex(index + n);
        } else {
            // reserve exactly: plain writeUtf8 reserves 3 bytes per char and would grow an exactly-sized buffer
            ByteBufUtil.reserveAndWriteUtf8(buf, s, encodedLength);
        }
    }

    /**
     * Whether {@code bytes} is well-formed UTF-8 as a payload with Payload Format Indicator 1 must be (MQTT 5.0
     * section 3.3.2.3.2). Unlike strings, payloads may contain U+0000.
     */
    public static boolean isWellFormedPayload(byte[] bytes) {
        return scan(bytes, 0, bytes.length, true) != ILL_FORMED;
    }

    /**
     * Checks a payload whose Payload Format Indicator is 1 (UTF-8 character data). The receiver MAY do this
     * (MQTT 5.0 section 3.3.2.3.2); on failure it answers with reason code 0x99 Payload format invalid.
     *
     * @throws MqttDecodeException with {@link MqttDisconnectReasonCode#PAYLOAD_FORMAT_INVALID}
     */
    public static void validatePayload(byte[] payload) {
        if (!isWellFormedPayload(payload)) {
            throw new MqttDecodeException(MqttDisconnectReasonCode.PAYLOAD_FORMAT_INVALID, null,
                    "payload is marked as UTF-8 (Payload Format Indicator 1) but is not well-formed UTF-8");
        }
    }

    /**
     * Classifies bytes as ASCII, valid multi-byte, ill-formed or containing NUL (when {@code allowNul} is false),
     * following the well-formed byte sequences of Unicode table 3-7.
     */
    private static int scan(byte[] a, int offset, int length, boolean allowNul) {
        int end = offset + length;
        int i = asciiPrefixEnd(a, offset, end);
        if (i == end) {
            return ASCII;
        }
        while (i < end) {
            int b = a[i];
            if (b >= 0) {
                if (b == 0 && !allowNul) {
                    return NUL;
                }
                i++;
                continue;
            }
            b &= 0xFF;
            if (b < 0xC2) {
                return ILL_FORMED; // continuation byte without a lead, or overlong C0/C1
            }
            if (b < 0xE0) {
                if (i + 1 >= end || !isContinuation(a[i + 1])) {
                    return ILL_FORMED;
                }
                i += 2;
            } else if (b < 0xF0) {
                if (i + 2 >= end) {
                    return ILL_FORMED;
                }
                int b1 = a[i + 1] & 0xFF;
                int low = b == 0xE0 ? 0xA0 : 0x80; // E0 80..9F would be overlong
                int high = b == 0xED ? 0x9F : 0xBF; // ED A0..BF would be a surrogate
                if (b1 < low || b1 > high || !isContinuation(a[i + 2])) {
                    return ILL_FORMED;
                }
                i += 3;
            } else if (b < 0xF5) {
                if (i + 3 >= end) {
                    return ILL_FORMED;
                }
                int b1 = a[i + 1] & 0xFF;
                int low = b == 0xF0 ? 0x90 : 0x80; // F0 80..8F would be overlong
                int high = b == 0xF4 ? 0x8F : 0xBF; // F4 90.. would be above U+10FFFF
                if (b1 < low || b1 > high || !isContinuation(a[i + 2]) || !isContinuation(a[i + 3])) {
                    return ILL_FORMED;
                }
                i += 4;
            } else {
                return ILL_FORMED;
            }
        }
        return MULTI_BYTE;
    }

    /**
     * The index of the first byte in {@code [i, end)} that is 0 or above 0x7F, or {@code end}. Tests whole words
     * while at least eight bytes remain, then the last eight bytes as one word (overlapping bytes already seen
     * is cheaper than a byte loop); any word that fails is rescanned byte by byte to find the exact index.
     */
    private static int asciiPrefixEnd(byte[] a, int i, int end) {
        if (end - i >= Long.BYTES) {
            while (end - i > Long.BYTES) {
                if (!isAsciiWord(a, i)) {
                    return byteScanEnd(a, i, end);
                }
                i += Long.BYTES;
            }
            if (isAsciiWord(a, end - Long.BYTES)) {
                return end;
            }
        }
        return byteScanEnd(a, i, end);
    }

    private static int byteScanEnd(byte[] a, int i, int end) {
        while (i < end && a[i] > 0) {
            i++;
        }
        return i;
    }

    /**
     * Whether the eight bytes at {@code i} are all 1..0x7F: no byte has its high bit set, and subtracting 1 from
     * every byte borrows nowhere (only a 0 byte borrows, which sets its high bit).
     */
    private static boolean isAsciiWord(byte[] a, int i) {
        long w = (long) LONGS.get(a, i);
        return ((w | (w - ONES)) & HIGH_BITS) == 0;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
