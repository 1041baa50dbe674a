package io.mqttharness.broker.persistence;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The live journal: records are appended to an in-memory buffer by any thread (cheap, under a short lock), and
 * {@link #sync()} writes everything appended so far to the file (and forces it to the device when fsync is on)
 * before returning. Whoever syncs writes what every thread appended meanwhile, so concurrent acknowledgements
 * share one write()/fsync - a group commit without a hand-off to another thread.
 *
 * <p>Locks: the append lock only guards the buffer and is never held during I/O; the flush lock serialises
 * writing and journal rotation. A thread may take the append lock while holding the flush lock, never the other
 * way round. After an I/O error the journal is failed: every later sync throws, so no further acknowledgement
 * can claim durability.
 */
final class JournalWriter implements AutoCloseable {
    private static final int INITIAL_BUFFER = 64 * 1024;
    /** A batch buffer that grew past this is replaced after use, so a burst does not pin memory forever. */
    private static final int KEEP_BUFFER = 4 * 1024 * 1024;

    private final ReentrantLock appendLock = new ReentrantLock();
    private final ReentrantLock flushLock = new ReentrantLock();
    private final boolean fsync;
    /** Guarded by appendLock. */
    private ByteBuf pending = Unpooled.buffer(INITIAL_BUFFER);
    /** Bytes appended before {@link #pending}'s content; guarded by appendLock. */
    private long base;
    /** Guarded by flushLock. */
    private ByteBuf spare = Unpooled.buffer(INITIAL_BUFFER);
    private FileChannel channel;
    /** Written under flushLock; volatile so that the size check after every sync takes no lock. */
    private volatile long generation;
    private volatile long fileSize;
    private volatile long written;
    private volatile PersistenceException failure;

    JournalWriter(FileChannel channel, long generation, boolean fsync) {
        this.channel = channel;
        this.generation = generation;
        this.fsync = fsync;
        this.fileSize = PersistenceDirectory.HEADER_SIZE;
    }

    /** Locks the buffer and returns it for appending whole records; always follow with {@link #unlock()}. */
    ByteBuf lock() {
        appendLock.lock();
        return pending;
    }

    void unlock() {
        appendLock.unlock();
    }

    /** True when appended records wait to be written. */
    boolean hasUnwritten() {
        appendLock.lock();
        try {
            return base + pending.writerIndex() > written;
        } finally {
            appendLock.unlock();
        }
    }

    /** Writes (and with fsync forces) every record appended before this call. */
    void sync() {
        long target;
        appendLock.lock();
        try {
            target = base + pending.writerIndex();
        } finally {
            appendLock.unlock();
        }
        if (written >= target) {
            checkFailure();
            return;
        }
        flushLock.lock();
        try {
            if (written < target) {
                writeOut();
            }
        } finally {
            flushLock.unlock();
        }
        checkFailure();
    }

    /** Flush lock held: writes the pending batch to the current file. */
    private void writeOut() {
        checkFailure();
        ByteBuf batch;
        long end;
        appendLock.lock();
        try {
            batch = pending;
            pending = spare;
            spare = batch;
            base += batch.writerIndex();
            end = base;
        } finally {
            appendLock.unlock();
        }
        try {
            int bytes = batch.readableBytes();
            PersistenceDirectory.writeFully(channel, batch);
            if (fsync && bytes > 0) {
                channel.force(false);
            }
            fileSize += bytes;
            written = end;
        } catch (IOException e) {
            failure = new PersistenceException("cannot write journal generation " + generation + ": " + e, e);
            throw failure;
        } finally {
            if (batch.capacity() > KEEP_BUFFER) {
                spare = Unpooled.buffer(INITIAL_BUFFER);
            } else {
                batch.clear();
            }
        }
    }

    private void checkFailure() {
        PersistenceException f = failure;
        if (f != null) {
            throw new PersistenceException(f.getMessage(), f);
        }
    }

    /** Bytes in the current journal file, counting what has been written. */
    long fileSize() {
        return fileSize;
    }

    long generation() {
        return generation;
    }

    /**
     * Writes everything appended so far to the current journal, seals it and continues in {@code next}. Records
     * appended afterwards go to the new file, so the sealed journal ends at a consistent point of the record
     * stream. Returns the sealed generation.
     */
    long rotate(FileChannel next, long nextGeneration) {
        flushLock.lock();
        try {
            writeOut();
            FileChannel sealed = channel;
            long sealedGeneration = generation;
            try {
                if (fsync) {
                    sealed.force(true);
                }
                sealed.close();
            } catch (IOException e) {
                failure = new PersistenceException("cannot close journal generation " + generation + ": " + e, e);
                throw failure;
            }
            channel = next;
            generation = nextGeneration;
            fileSize = PersistenceDirectory.HEADER_SIZE;
            return sealedGeneration;
        } finally {
            flushLock.unlock();
        }
    }

    /** Writes what is pending and closes the file. */
    @Override
    public void close() {
        flushLock.lock();
        try {
            if (failure == null) {
                writeOut();
                channel.force(true);
            }
        } catch (IOException e) {
            throw new PersistenceException("cannot close journal generation " + generation + ": " + e, e);
        } finally {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing after a failure: nothing more can be saved
            }
            flushLock.unlock();
        }
    }
}
