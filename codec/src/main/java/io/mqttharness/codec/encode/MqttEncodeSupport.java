package io.mqttharness.codec.encode;

import io.mqttharness.codec.MqttVersion;
import io.netty.buffer.ByteBuf;

/** Checks and small writers shared by the packet encoders. Internal to the codec. */
final class MqttEncodeSupport {
    private MqttEncodeSupport() {
    }

    /** Two-byte length plus the bytes of Binary Data (MQTT 5.0 section 1.5.6). */
    static int binarySize(byte[] data, String field) {
        if (data.length > 0xFFFF) {
            throw new IllegalArgumentException(field + " longer than 65535 bytes: " + data.length);
        }
        return 2 + data.length;
    }

    static void writeBinary(ByteBuf buf, byte[] data) {
        buf.writeShort(data.length);
        buf.writeBytes(data);
    }

    static void checkPacketId(int packetId, String packet) {
        if (packetId < 1 || packetId > 0xFFFF) {
            throw new IllegalArgumentException(packet + " packet identifier must be 1..65535, got " + packetId);
        }
    }

    static void checkV5(MqttVersion version, String what) {
        if (!version.isV5()) {
            throw new IllegalArgumentException(what + " cannot be expressed in MQTT " + version.displayName());
        }
    }
}
