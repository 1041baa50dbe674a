package io.mqttharness.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array with the MQTT primitive writers, none of which validate anything. Backs
 * {@link MqttRawPacketWriter} and its property lists.
 */
final class MqttRawBytes {
    private byte[] bytes = new byte[64];
    private int size;

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void uint8(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    void uint16(int value) {
        uint8(value >> 8);
        uint8(value);
    }

    void uint32(long value) {
        uint16((int) (value >> 16));
        uint16((int) value);
    }

    void raw(byte[] data) {
        ensure(data.length);
        System.arraycopy(data, 0, bytes, size, data.length);
        size += data.length;
    }

    /** Minimal Variable Byte Integer encoding of any non-negative int, including values above the protocol maximum. */
    void vbi(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative variable byte integer: " + value);
        }
        do {
            int digit = (int) (value & 0x7F);
            value >>>= 7;
            uint8(value > 0 ? digit | 0x80 : digit);
        } while (value > 0);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void ensure(int extra) {
        if (size + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
        }
    }
}
