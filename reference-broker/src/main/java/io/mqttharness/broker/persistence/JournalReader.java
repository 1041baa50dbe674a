package io.mqttharness.broker.persistence;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays one journal or snapshot file into a {@link PersistentState}, checking every record's length and CRC.
 *
 * <p>A crash in the middle of a write can leave the newest journal with an incomplete last record: a record
 * that runs past the end of the file, a last record whose CRC does not match, or a tail of zero bytes (a file
 * extended but not written). When the caller allows it (newest journal only) such a tail is ignored with a
 * warning; the broker never acknowledged what it held. Anything else that does not check out - a bad CRC with
 * records after it, an unknown record type, a record that does not decode - is reported as corruption with the
 * file and offset: data is never dropped silently.
 */
final class JournalReader {
    private static final Logger LOG = LoggerFactory.getLogger(JournalReader.class);

    private JournalReader() {
    }

    /** What reading found: records applied and where a torn tail began (-1 for none). */
    record Result(long records, long tornTailOffset) {
    }

    static Result read(Path file, int magic, long generation, boolean tornTailAllowed, PersistentState state) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new PersistenceException(file + ": file of " + size + " bytes is too large to read");
            }
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return read(file, Unpooled.wrappedBuffer(mapped), magic, generation, tornTailAllowed, state);
        } catch (IOException e) {
            throw new PersistenceException("cannot read " + file + ": " + e, e);
        }
    }

    private static Result read(Path file, ByteBuf buf, int magic, long generation, boolean tornTailAllowed,
            PersistentState state) {
        int size = buf.readableBytes();
        if (size < PersistenceDirectory.HEADER_SIZE) {
            if (tornTailAllowed) {
                LOG.warn("{}: only {} bytes, header incomplete (crash while creating it); treated as empty", file,
                        size);
                return new Result(0, 0);
            }
            throw corrupt(file, 0, "file header incomplete (" + size + " bytes)");
        }
        if (buf.getInt(0) != magic) {
            throw corrupt(file, 0, String.format("wrong magic number 0x%08X, expected 0x%08X", buf.getInt(0), magic));
        }
        if (buf.getLong(4) != generation) {
            throw corrupt(file, 4, "header says generation " + buf.getLong(4) + ", file name says " + generation);
        }
        int offset = PersistenceDirectory.HEADER_SIZE;
        long records = 0;
        while (offset < size) {
            int remaining = size - offset;
            if (remaining < RecordFields.FRAME_HEADER + 1) {
                return torn(file, buf, offset, "record header cut off", true, tornTailAllowed, records);
            }
            int length = buf.getInt(offset);
            int end = offset + RecordFields.FRAME_HEADER + length;
            if (length < 1 || length > remaining - RecordFields.FRAME_HEADER) {
                boolean cutOff = length > remaining - RecordFields.FRAME_HEADER;
                String problem = cutOff ? "record of " + (RecordFields.FRAME_HEADER + length) + " bytes but only "
                        + remaining + " bytes left" : "invalid record length " + length;
                return torn(file, buf, offset, problem, cutOff, tornTailAllowed, records);
            }
            long expected = buf.getInt(offset + 4) & 0xFFFF_FFFFL;
            if (RecordFields.crc(buf, offset + RecordFields.FRAME_HEADER, length) != expected) {
                return torn(file, buf, offset, "CRC mismatch", end == size, tornTailAllowed, records);
            }
            int code = buf.getUnsignedByte(offset + RecordFields.FRAME_HEADER);
            RecordType type = RecordType.fromCode(code);
            if (type == null) {
                throw corrupt(file, offset, "unknown record type " + code);
            }
            String where = file + " at offset " + offset;
            ByteBuf payload = buf.slice(offset + RecordFields.FRAME_HEADER + 1, length - 1);
            try {
                state.apply(type, payload, where);
            } catch (PersistenceException e) {
                throw e;
            } catch (RuntimeException e) {
                throw corrupt(file, offset, type + " record does not decode: " + e);
            }
            records++;
            offset = end;
        }
        return new Result(records, -1);
    }

    /**
     * A record that does not check out. It is a torn tail when nothing complete can follow it (it runs to or
     * past the end of the file, or only zero bytes follow) and torn tails are allowed; otherwise corruption.
     */
    private static Result torn(Path file, ByteBuf buf, int offset, String problem, boolean reachesEnd,
            boolean tornTailAllowed, long records) {
        boolean tail = reachesEnd || onlyZerosFrom(buf, offset);
        if (tail && tornTailAllowed) {
            LOG.warn("{}: incomplete last record at offset {} ({}), left by a crash during a write; ignoring the "
                    + "last {} bytes, which were never acknowledged", file, offset, problem,
                    buf.readableBytes() - offset);
            return new Result(records, offset);
        }
        throw corrupt(file, offset, problem + (tail ? " in a file that must be complete" : " with data after it"));
    }

    private static boolean onlyZerosFrom(ByteBuf buf, int offset) {
        for (int i = offset; i < buf.readableBytes(); i++) {
            if (buf.getByte(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static PersistenceException corrupt(Path file, int offset, String problem) {
        return new PersistenceException("persistence file " + file + " is corrupt at offset " + offset + ": "
                + problem + ". The broker will not start rather than lose data; restore the directory from a "
                + "backup or move the file away to start without it");
    }
}
