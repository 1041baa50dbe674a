package io.mqttharness.codec;

import io.mqttharness.codec.packet.MqttPacket;
import io.netty.buffer.ByteBuf;

/**
 * Decodes the body of one already-framed packet. Pure: it reads only the given bytes and either returns
 * an immutable packet or throws {@link MqttDecodeException} carrying the reason code and statement ID.
 */
public final class MqttPacketDecoder {
    private MqttPacketDecoder() {
    }

    /**
     * Decodes one packet.
     *
     * @param fixedHeader the first byte of the packet (type in the high nibble, flags in the low nibble)
     * @param body exactly the Remaining Length bytes that follow the fixed header; fully consumed
     * @param version the version negotiated on this connection; ignored for CONNECT, which carries its own.
     *        {@code null} before CONNECT: anything but CONNECT is then decoded as MQTT 3.1.1
     * @return the packet
     * @throws MqttDecodeException if the bytes violate the specification
     */
    public static MqttPacket decode(int fixedHeader, ByteBuf body, MqttVersion version) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
