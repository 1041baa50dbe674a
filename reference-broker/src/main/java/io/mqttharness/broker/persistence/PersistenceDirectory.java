package io.mqttharness.broker.persistence;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistence directory: a lock file that keeps a second broker out, numbered journals and snapshots. The
 * state is the newest snapshot {@code snapshot-G.snap} (the state when journal G began) followed by journals
 * {@code journal-G.log}, {@code journal-G+1.log}, ... in order; without a snapshot, journals from generation 1.
 * A snapshot is written to a temporary file, forced to disk and renamed, so it is either complete or absent;
 * older files are deleted only after that.
 *
 * <p>Every file starts with a 12-byte header: a 4-byte magic ({@code MQJ1} journal, {@code MQS1} snapshot) and
 * the 8-byte generation, followed by records ({@link RecordFields}).
 */
final class PersistenceDirectory implements AutoCloseable {
    static final int HEADER_SIZE = 12;
    static final int JOURNAL_MAGIC = 0x4D514A31;
    static final int SNAPSHOT_MAGIC = 0x4D515331;
    private static final Logger LOG = LoggerFactory.getLogger(PersistenceDirectory.class);
    private static final Pattern NAME = Pattern.compile("(journal|snapshot)-(\\d{19})\\.(log|snap)");
    private static final int SNAPSHOT_CHUNK = 1 << 20;

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private PersistenceDirectory(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the directory if needed and locks it; fails when another broker holds the lock. */
    static PersistenceDirectory open(Path location) {
        Path dir = location.toAbsolutePath();
        Path lockFile = dir.resolve("broker.lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new PersistenceException("persistence directory " + dir + " is in use by another broker (lock "
                        + "file " + lockFile + " is held); stop the other broker or use another persistence_location");
            }
            return new PersistenceDirectory(dir, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new PersistenceException("cannot open persistence directory " + dir + ": " + e, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    Path path() {
        return dir;
    }

    Path journal(long generation) {
        return dir.resolve(String.format("journal-%019d.log", generation));
    }

    Path snapshot(long generation) {
        return dir.resolve(String.format("snapshot-%019d.snap", generation));
    }

    /** Generations of the existing journals, ascending. */
    List<Long> journals() {
        return generations("journal");
    }

    /** Generations of the existing snapshots, ascending. */
    List<Long> snapshots() {
        return generations("snapshot");
    }

    private List<Long> generations(String kind) {
        List<Long> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals(kind)) {
                    found.add(Long.parseLong(m.group(2)));
                }
            });
        } catch (IOException e) {
            throw new PersistenceException("cannot list persistence directory " + dir + ": " + e, e);
        }
        found.sort(null);
        return found;
    }

    /** Creates journal {@code generation} with its header, ready for appending. */
    FileChannel createJournal(long generation, boolean fsync) {
        Path file = journal(generation);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                writeFully(channel, header(JOURNAL_MAGIC, generation));
                if (fsync) {
                    channel.force(true);
                    forceDirectory();
                }
                return channel;
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new PersistenceException("cannot create journal " + file + ": " + e, e);
        }
    }

    /** Writes snapshot {@code generation} of {@code state} atomically (temporary file, force, rename). */
    void writeSnapshot(long generation, PersistentState state) {
        Path target = snapshot(generation);
        Path tmp = dir.resolve(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuf buf = Unpooled.buffer(SNAPSHOT_CHUNK + 4096);
            buf.writeBytes(header(SNAPSHOT_MAGIC, generation));
            IOException[] failure = new IOException[1];
            state.writeTo(new PersistentState.SnapshotOutput() {
                @Override
                public ByteBuf buffer() {
                    return buf;
                }

                @Override
                public void written() {
                    if (buf.readableBytes() >= SNAPSHOT_CHUNK && failure[0] == null) {
                        try {
                            writeFully(channel, buf);
                        } catch (IOException e) {
                            failure[0] = e;
                        }
                        buf.clear();
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            writeFully(channel, buf);
            channel.force(true);
        } catch (IOException e) {
            throw new PersistenceException("cannot write snapshot " + tmp + ": " + e, e);
        }
        try {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory();
        } catch (IOException e) {
            throw new PersistenceException("cannot rename snapshot " + tmp + " to " + target + ": " + e, e);
        }
    }

    /** Deletes journals, snapshots and temporary files older than {@code generation}. */
    void deleteBefore(long generation) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                Matcher m = NAME.matcher(name.endsWith(".tmp") ? name.substring(0, name.length() - 4) : name);
                if (m.matches() && Long.parseLong(m.group(2)) < generation) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // leftovers are harmless: recovery starts from the newest snapshot
            LOG.warn("cannot delete old persistence files in {}: {}", dir, e.toString());
        }
    }

    static ByteBuf header(int magic, long generation) {
        ByteBuf b = Unpooled.buffer(HEADER_SIZE);
        b.writeInt(magic);
        b.writeLong(generation);
        return b;
    }

    static void writeFully(FileChannel channel, ByteBuf buf) throws IOException {
        while (buf.isReadable()) {
            buf.skipBytes(channel.write(buf.nioBuffer()));
        }
    }

    /** Makes a created or renamed file name durable; not every platform can open a directory for this. */
    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            LOG.debug("cannot fsync directory {}: {}", dir, e.toString());
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.debug("cannot release {}: {}", dir.resolve("broker.lock"), e.toString());
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to do with it
            }
        }
    }
}
