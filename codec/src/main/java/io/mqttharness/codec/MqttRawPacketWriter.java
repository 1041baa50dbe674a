package io.mqttharness.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.function.Consumer;

/**
 * Writes arbitrary, deliberately malformed packets for negative tests; nothing is validated. A packet is a
 * fixed-header byte, a Remaining Length (computed from the body unless set explicitly, possibly as verbatim
 * bytes such as a non-minimal or five-byte encoding) and the body built with the fluent writers:
 *
 * <pre>{@code
 * byte[] qos3 = MqttRawPacketWriter.packet(0x36)   // PUBLISH with both QoS bits set
 *         .utf8("a/b").uint16(1).bytes(0x68, 0x69)
 *         .toByteArray();
 * byte[] dupProperty = MqttRawPacketWriter.packet(0x10)
 *         .utf8("MQTT").uint8(5).uint8(0x02).uint16(60)
 *         .properties(p -> p.fourByteProperty(0x11, 10).fourByteProperty(0x11, 20))
 *         .utf8("client")
 *         .toByteArray();
 * }</pre>
 */
public final class MqttRawPacketWriter {
    private final int fixedHeader;
    private final MqttRawBytes body = new MqttRawBytes();
    private byte[] remainingLengthBytes;

    private MqttRawPacketWriter(int fixedHeader) {
        this.fixedHeader = fixedHeader;
    }

    /** Starts a packet with any first byte, e.g. {@code 0x30} (PUBLISH QoS 0) or {@code 0x00} (reserved type). */
    public static MqttRawPacketWriter packet(int fixedHeaderByte) {
        return new MqttRawPacketWriter(fixedHeaderByte & 0xFF);
    }

    /** Starts a packet of {@code type} with the given low-nibble flags (any value, valid or not). */
    public static MqttRawPacketWriter packet(MqttPacketType type, int flags) {
        return new MqttRawPacketWriter(type.code() << 4 | (flags & 0x0F));
    }

    /** Announces this Remaining Length (minimally encoded) whatever the body's real length. */
    public MqttRawPacketWriter remainingLength(long value) {
        MqttRawBytes length = new MqttRawBytes();
        length.vbi(value);
        this.remainingLengthBytes = length.toByteArray();
        return this;
    }

    /** Uses these bytes verbatim as the Remaining Length field, e.g. {@code 0x80, 0x00} or five bytes. */
    public MqttRawPacketWriter remainingLengthBytes(int... bytes) {
        this.remainingLengthBytes = toBytes(bytes);
        return this;
    }

    /** Appends raw bytes (each int is truncated to its low 8 bits). */
    public MqttRawPacketWriter bytes(int... values) {
        body.raw(toBytes(values));
        return this;
    }

    /** Appends raw bytes. */
    public MqttRawPacketWriter bytes(byte[] values) {
        body.raw(values);
        return this;
    }

    /** Appends bytes given as hex, e.g. {@code "00 04 4d 51"}. */
    public MqttRawPacketWriter hex(String hex) {
        body.raw(MqttHex.parse(hex));
        return this;
    }

    public MqttRawPacketWriter uint8(int value) {
        body.uint8(value);
        return this;
    }

    public MqttRawPacketWriter uint16(int value) {
        body.uint16(value);
        return this;
    }

    public MqttRawPacketWriter uint32(long value) {
        body.uint32(value);
        return this;
    }

    /** A minimally encoded Variable Byte Integer; values above the protocol maximum take five bytes or more. */
    public MqttRawPacketWriter vbi(long value) {
        body.vbi(value);
        return this;
    }

    /** A UTF-8 string with its correct two-byte length. */
    public MqttRawPacketWriter utf8(String s) {
        return utf8Bytes(MqttRawBytes.utf8(s));
    }

    /** A UTF-8 string announced with {@code declaredLength}, which may be wrong on purpose. */
    public MqttRawPacketWriter utf8(int declaredLength, String s) {
        return utf8Bytes(declaredLength, MqttRawBytes.utf8(s));
    }

    /** Arbitrary bytes framed as a string with their real length, e.g. {@code ED A0 80} (a surrogate). */
    public MqttRawPacketWriter utf8Bytes(byte[] raw) {
        return utf8Bytes(raw.length, raw);
    }

    /** Arbitrary bytes framed as a string announced with {@code declaredLength}. */
    public MqttRawPacketWriter utf8Bytes(int declaredLength, byte[] raw) {
        body.uint16(declaredLength);
        body.raw(raw);
        return this;
    }

    /** Binary Data: two-byte length and the bytes. */
    public MqttRawPacketWriter binary(byte[] data) {
        body.uint16(data.length);
        body.raw(data);
        return this;
    }

    /** A Property Length of 0. */
    public MqttRawPacketWriter noProperties() {
        body.uint8(0);
        return this;
    }

    /** A property list with its computed Property Length. */
    public MqttRawPacketWriter properties(Consumer<Properties> writer) {
        Properties props = new Properties();
        writer.accept(props);
        body.vbi(props.bytes.size());
        body.raw(props.bytes.toByteArray());
        return this;
    }

    /** A property list announced with {@code declaredLength}, which may be wrong on purpose. */
    public MqttRawPacketWriter properties(long declaredLength, Consumer<Properties> writer) {
        Properties props = new Properties();
        writer.accept(props);
        body.vbi(declaredLength);
        body.raw(props.bytes.toByteArray());
        return this;
    }

    /** The whole packet. */
    public byte[] toByteArray() {
        byte[] length = remainingLengthBytes;
        if (length == null) {
            MqttRawBytes computed = new MqttRawBytes();
            computed.vbi(body.size());
            length = computed.toByteArray();
        }
        byte[] content = body.toByteArray();
        byte[] out = new byte[1 + length.length + content.length];
        out[0] = (byte) fixedHeader;
        System.arraycopy(length, 0, out, 1, length.length);
        System.arraycopy(content, 0, out, 1 + length.length, content.length);
        return out;
    }

    /** The whole packet in a new heap buffer, ready to be written to a channel. */
    public ByteBuf toByteBuf() {
        return Unpooled.wrappedBuffer(toByteArray());
    }

    /** The whole packet as {@link MqttHex} text. */
    public String toHex() {
        return MqttHex.format(toByteArray());
    }

    private static byte[] toBytes(int[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** Writes properties in any order, with duplicates, unknown identifiers or wrong value types. */
    public static final class Properties {
        private final MqttRawBytes bytes = new MqttRawBytes();

        private Properties() {
        }

        /** Raw bytes inside the property list, e.g. a bare identifier with no value. */
        public Properties bytes(int... values) {
            bytes.raw(toBytes(values));
            return this;
        }

        public Properties byteProperty(int id, int value) {
            bytes.vbi(id);
            bytes.uint8(value);
            return this;
        }

        public Properties twoByteProperty(int id, int value) {
            bytes.vbi(id);
            bytes.uint16(value);
            return this;
        }

        public Properties fourByteProperty(int id, long value) {
            bytes.vbi(id);
            bytes.uint32(value);
            return this;
        }

        public Properties vbiProperty(int id, long value) {
            bytes.vbi(id);
            bytes.vbi(value);
            return this;
        }

        public Properties utf8Property(int id, String value) {
            return utf8BytesProperty(id, MqttRawBytes.utf8(value));
        }

        /** A string property whose content is arbitrary bytes (e.g. ill-formed UTF-8). */
        public Properties utf8BytesProperty(int id, byte[] raw) {
            bytes.vbi(id);
            bytes.uint16(raw.length);
            bytes.raw(raw);
            return this;
        }

        public Properties binaryProperty(int id, byte[] value) {
            bytes.vbi(id);
            bytes.uint16(value.length);
            bytes.raw(value);
            return this;
        }

        public Properties userProperty(String name, String value) {
            bytes.vbi(MqttPropertyId.USER_PROPERTY.id());
            byte[] n = MqttRawBytes.utf8(name);
            byte[] v = MqttRawBytes.utf8(value);
            bytes.uint16(n.length);
            bytes.raw(n);
            bytes.uint16(v.length);
            bytes.raw(v);
            return this;
        }
    }
}
