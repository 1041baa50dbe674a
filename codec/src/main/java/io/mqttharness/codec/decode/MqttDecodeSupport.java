package io.mqttharness.codec.decode;

import io.mqttharness.codec.MqttDecodeException;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Bounds-checked primitive reads and the checks every packet decoder shares (fixed-header flags, packet
 * identifiers, trailing bytes). Internal to the codec; public only so that {@code MqttPacketDecoder} can reach
 * the per-packet decoders.
 */
final class MqttDecodeSupport {
    private MqttDecodeSupport() {
    }

    static boolean isV5(MqttVersion version) {
        return version != null && version.isV5();
    }

    static MqttDecodeException malformed(String statementId, String message) {
        return new MqttDecodeException(MqttDisconnectReasonCode.MALFORMED_PACKET, statementId, message);
    }

    static MqttDecodeException protocolError(String statementId, String message) {
        return new MqttDecodeException(MqttDisconnectReasonCode.PROTOCOL_ERROR, statementId, message);
    }

    static void require(ByteBuf buf, int bytes, String field) {
        if (buf.readableBytes() < bytes) {
            throw malformed(null, "packet too short: " + field + " needs " + bytes + " byte(s), "
                    + buf.readableBytes() + " left");
        }
    }

    static int readUnsignedByte(ByteBuf buf, String field) {
        require(buf, 1, field);
        return buf.readUnsignedByte();
    }

    static int readUnsignedShort(ByteBuf buf, String field) {
        require(buf, 2, field);
        return buf.readUnsignedShort();
    }

    static long readUnsignedInt(ByteBuf buf, String field) {
        require(buf, 4, field);
        return buf.readUnsignedInt();
    }

    /** Binary Data (MQTT 5.0 section 1.5.6): a two-byte length and that many bytes. */
    static byte[] readBinary(ByteBuf buf, String field) {
        int length = readUnsignedShort(buf, field + " length");
        require(buf, length, field);
        return readBytes(buf, length);
    }

    /** The rest of the packet as bytes (PUBLISH payload). */
    static byte[] readRest(ByteBuf buf) {
        return readBytes(buf, buf.readableBytes());
    }

    /**
     * Copies {@code length} readable bytes into a new array and advances past them. From a heap buffer this is
     * one {@link Arrays#copyOfRange}, which the JIT allocates without zeroing first (the copy fills it).
     */
    private static byte[] readBytes(ByteBuf buf, int length) {
        byte[] bytes;
        if (buf.hasArray()) {
            int from = buf.arrayOffset() + buf.readerIndex();
            bytes = Arrays.copyOfRange(buf.array(), from, from + length);
            buf.skipBytes(length);
        } else {
            bytes = new byte[length];
            buf.readBytes(bytes);
        }
        return bytes;
    }

    /**
     * A non-zero packet identifier [MQTT-2.3.1-1 in 3.1.1, MQTT-2.2.1-3 in 5.0]: zero is a value the protocol
     * does not allow in a well-parsed packet, so MQTT 5 classifies it as a Protocol Error.
     */
    static int readPacketId(ByteBuf buf, MqttVersion version) {
        int id = readUnsignedShort(buf, "packet identifier");
        if (id == 0) {
            throw protocolError(isV5(version) ? "MQTT-2.2.1-3" : "MQTT-2.3.1-1", "packet identifier must not be 0");
        }
        return id;
    }

    /** Rejects bytes left over after the last field of a packet. */
    static void requireEnd(ByteBuf buf, String packet) {
        if (buf.isReadable()) {
            throw malformed(null, packet + " has " + buf.readableBytes() + " unexpected trailing byte(s)");
        }
    }

    /**
     * Checks fixed-header flags that the specification fixes to {@code expected}: PUBREL, SUBSCRIBE and
     * UNSUBSCRIBE need 0b0010, all other non-PUBLISH packets 0b0000 [MQTT-2.1.3-1 in 5.0, MQTT-2.2.2-2 in 3.1.1;
     * packet-specific IDs where the specification names one].
     *
     * @param specificStatement the packet's own statement (e.g. MQTT-3.6.1-1), or {@code null} to use the
     *        general one
     */
    static void checkFlags(int fixedHeader, int expected, MqttVersion version, String specificStatement,
            String packet) {
        int flags = fixedHeader & 0x0F;
        if (flags != expected) {
            String statement = specificStatement != null ? specificStatement
                    : isV5(version) ? "MQTT-2.1.3-1" : "MQTT-2.2.2-2";
            throw malformed(statement, packet + " fixed header flags must be 0b"
                    + binary4(expected) + ", got 0b" + binary4(flags));
        }
    }

    private static String binary4(int v) {
        return "" + ((v >> 3) & 1) + ((v >> 2) & 1) + ((v >> 1) & 1) + (v & 1);
    }
}
