package io.mqttharness.codec;

import io.mqttharness.codec.packet.MqttPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Encodes packets for a given protocol version. The exact size is computed first, then one buffer of that
 * size is allocated and filled. Packets the version cannot express (e.g. AUTH under 3.1.1, properties that
 * the packet type may not carry) are rejected with {@link IllegalArgumentException}; use
 * {@link MqttRawPacketWriter} to put deliberately invalid bytes on the wire.
 */
public final class MqttPacketEncoder {
    private MqttPacketEncoder() {
    }

    /** The total size on the wire (fixed header + remaining length + body) of {@code packet} under {@code version}. */
    public static int encodedSize(MqttPacket packet, MqttVersion version) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Encodes {@code packet} into a new buffer of exactly {@link #encodedSize} bytes. */
    public static ByteBuf encode(MqttPacket packet, MqttVersion version, ByteBufAllocator allocator) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
