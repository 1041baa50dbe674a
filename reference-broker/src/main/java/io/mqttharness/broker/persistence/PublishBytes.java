package io.mqttharness.broker.persistence;

import io.mqttharness.codec.MqttDecodeException;
import io.mqttharness.codec.MqttPacketDecoder;
import io.mqttharness.codec.MqttPacketEncoder;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttPublish;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;

/**
 * Application messages on disk are PUBLISH packets encoded with the project's own codec as MQTT 5, which keeps
 * every property (a 3.1.1 message simply has none). DUP is cleared and the Packet Identifier normalised, because
 * neither belongs to the message: each delivery gets its own.
 */
final class PublishBytes {
    private static final UnpooledByteBufAllocator HEAP = new UnpooledByteBufAllocator(false);

    private PublishBytes() {
    }

    static byte[] encode(MqttPublish publish) {
        MqttPublish normalised = publish.withDelivery(false, publish.qos(),
                publish.qos() == MqttQos.AT_MOST_ONCE ? 0 : 1);
        ByteBuf buf = MqttPacketEncoder.encode(normalised, MqttVersion.MQTT_5, HEAP);
        try {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            return bytes;
        } finally {
            buf.release();
        }
    }

    /** Decodes bytes written by {@link #encode}; {@code where} names the record for the error message. */
    static MqttPublish decode(byte[] bytes, String where) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            int fixedHeader = buf.readUnsignedByte();
            int remaining = 0;
            int shift = 0;
            int b;
            do {
                b = buf.readUnsignedByte();
                remaining |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0 && shift < 28);
            if (remaining != buf.readableBytes()) {
                throw new PersistenceException(where + ": stored PUBLISH has length " + remaining + " but "
                        + buf.readableBytes() + " bytes follow");
            }
            MqttPacket packet = MqttPacketDecoder.decode(fixedHeader, buf, MqttVersion.MQTT_5);
            if (!(packet instanceof MqttPublish publish)) {
                throw new PersistenceException(where + ": stored packet is " + packet.type() + ", not PUBLISH");
            }
            return publish;
        } catch (MqttDecodeException | IndexOutOfBoundsException e) {
            throw new PersistenceException(where + ": stored PUBLISH cannot be decoded: " + e.getMessage(), e);
        }
    }
}
