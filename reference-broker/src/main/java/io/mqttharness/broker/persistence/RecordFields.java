package io.mqttharness.broker.persistence;

import io.mqttharness.codec.MqttQos;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The field encodings of journal records and the record frame: {@code int length, int crc32, byte type,
 * payload}, where length counts type and payload and the CRC-32 covers the same bytes. Big-endian throughout.
 * Strings are an int byte count (-1 for null) and UTF-8; byte arrays an int count and the bytes.
 */
final class RecordFields {
    /** Frame bytes before the type: length and CRC. */
    static final int FRAME_HEADER = 8;

    private RecordFields() {
    }

    /** Starts a record; returns its start index for {@link #end}. */
    static int begin(ByteBuf out, RecordType type) {
        int start = out.writerIndex();
        out.writeLong(0);
        out.writeByte(type.code);
        return start;
    }

    /** Fills in length and CRC of the record begun at {@code start}. */
    static void end(ByteBuf out, int start) {
        int length = out.writerIndex() - start - FRAME_HEADER;
        out.setInt(start, length);
        out.setInt(start + 4, (int) crc(out, start + FRAME_HEADER, length));
    }

    static long crc(ByteBuf buf, int index, int length) {
        CRC32 crc = new CRC32();
        crc.update(buf.nioBuffer(index, length));
        return crc.getValue();
    }

    static void writeString(ByteBuf out, String s) {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.writeBytes(b);
    }

    static String readString(ByteBuf in) {
        int length = in.readInt();
        if (length < -1 || length > in.readableBytes()) {
            throw new IndexOutOfBoundsException("string length " + length);
        }
        if (length == -1) {
            return null;
        }
        String s = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length);
        return s;
    }

    static void writeBytes(ByteBuf out, byte[] b) {
        out.writeInt(b.length);
        out.writeBytes(b);
    }

    static byte[] readBytes(ByteBuf in) {
        int length = in.readInt();
        if (length < 0 || length > in.readableBytes()) {
            throw new IndexOutOfBoundsException("byte array length " + length);
        }
        byte[] b = new byte[length];
        in.readBytes(b);
        return b;
    }

    static void writeMessage(ByteBuf out, StoredMessage m) {
        out.writeByte(m.qos().code());
        out.writeBoolean(m.retain());
        out.writeLong(m.receivedAtMillis());
        out.writeLong(m.expiryIntervalSeconds());
        out.writeShort(m.subscriptionIdentifiers().size());
        for (int id : m.subscriptionIdentifiers()) {
            out.writeInt(id);
        }
        writeBytes(out, m.publish());
    }

    static StoredMessage readMessage(ByteBuf in) {
        MqttQos qos = MqttQos.fromCode(in.readUnsignedByte());
        boolean retain = in.readBoolean();
        long receivedAt = in.readLong();
        long expiry = in.readLong();
        int count = in.readUnsignedShort();
        List<Integer> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(in.readInt());
        }
        byte[] publish = readBytes(in);
        if (qos == null || qos == MqttQos.AT_MOST_ONCE) {
            throw new IllegalArgumentException("stored message with QoS " + qos);
        }
        return new StoredMessage(publish, qos, retain, ids, receivedAt, expiry);
    }
}
