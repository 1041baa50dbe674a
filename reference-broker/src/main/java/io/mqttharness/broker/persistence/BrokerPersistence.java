package io.mqttharness.broker.persistence;

import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.routing.RetainedStore;
import io.mqttharness.broker.routing.SubscriptionTree;
import io.mqttharness.broker.session.SessionJournal;
import io.mqttharness.broker.session.SessionStore;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Optional on-disk persistence of persistent sessions (subscriptions, expiry, queued and in-flight QoS 1/2
 * messages, inbound QoS 2 identifiers) and retained messages, so that a restart - also after {@code kill -9} -
 * loses no QoS 1/2 message the broker has acknowledged.
 *
 * <p><b>Design.</b> Changes are appended as CRC-protected records to a journal ({@link JournalWriter}); the
 * broker calls {@link #awaitDurable()} on the event loop right before it sends PUBACK / PUBREC / PUBREL /
 * PUBCOMP, which writes every record appended so far with one write() (plus fsync with
 * {@code persistence_fsync true}). Data passed to write() is in the OS page cache and survives a crash of the
 * broker process; only fsync protects against power loss. At startup the newest snapshot and the journals after
 * it are replayed, expired sessions and messages are dropped, and the result is written as a new snapshot before
 * a new journal is begun. When the journal passes {@link #DEFAULT_COMPACT_BYTES} it is sealed and a background
 * thread replays the sealed files into a new snapshot (compaction never touches live state, so it takes no broker
 * lock). A second thread flushes records not followed by an acknowledgement (e.g. a subscriber's PUBACK) every
 * {@value #FLUSH_INTERVAL_MILLIS} ms.
 *
 * <p>With persistence off, {@link #disabled()} does nothing and the broker core sees no journal at all.
 */
public final class BrokerPersistence implements AutoCloseable {
    /** Journal size after which it is compacted into a snapshot. */
    public static final long DEFAULT_COMPACT_BYTES = 64L * 1024 * 1024;
    /** System property overriding {@link #DEFAULT_COMPACT_BYTES} (bytes), for tuning and tests. */
    public static final String COMPACT_BYTES_PROPERTY = "mqttharness.persistence.compactBytes";
    static final long FLUSH_INTERVAL_MILLIS = 10;
    /**
     * System property overriding the background flush interval (milliseconds); 0 turns the background flush off,
     * so that only acknowledgements and {@link #close()} write the journal (for tests of exactly that).
     */
    public static final String FLUSH_INTERVAL_PROPERTY = "mqttharness.persistence.flushIntervalMillis";
    private static final Logger LOG = LoggerFactory.getLogger(BrokerPersistence.class);
    private static final BrokerPersistence DISABLED = new BrokerPersistence();

    private final PersistenceDirectory dir;
    private final JournalWriter writer;
    private final JournalingListener listener;
    private final ScheduledThreadPoolExecutor background;
    private final long compactBytes;
    private final boolean fsync;
    private final AtomicBoolean compacting = new AtomicBoolean();
    private PersistentState loaded;
    private volatile boolean closed;

    private BrokerPersistence() {
        dir = null;
        writer = null;
        listener = null;
        background = null;
        compactBytes = 0;
        fsync = false;
    }

    private BrokerPersistence(PersistenceDirectory dir, JournalWriter writer, PersistentState loaded,
            long compactBytes, boolean fsync, long flushIntervalMillis) {
        this.dir = dir;
        this.writer = writer;
        this.loaded = loaded;
        this.compactBytes = compactBytes;
        this.fsync = fsync;
        this.listener = new JournalingListener(writer);
        this.background = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setName("mqtt-broker-persistence");
            t.setDaemon(true);
            return t;
        });
        if (flushIntervalMillis > 0) {
            background.scheduleWithFixedDelay(this::flushInBackground, flushIntervalMillis, flushIntervalMillis,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Persistence that keeps nothing. */
    public static BrokerPersistence disabled() {
        return DISABLED;
    }

    /** Opens persistence as configured: {@link #disabled()} unless {@code persistence true}. */
    public static BrokerPersistence open(BrokerConfig config) {
        if (!config.persistence()) {
            return DISABLED;
        }
        long compact = Long.getLong(COMPACT_BYTES_PROPERTY, DEFAULT_COMPACT_BYTES);
        long flushInterval = Long.getLong(FLUSH_INTERVAL_PROPERTY, FLUSH_INTERVAL_MILLIS);
        return open(config.persistenceLocation(), config.persistenceFsync(), compact, flushInterval);
    }

    /**
     * Locks the directory and loads its state (call {@link #restoreInto} next).
     *
     * @throws PersistenceException when the directory is in use or a file is corrupt (message names file and
     *     offset)
     */
    public static BrokerPersistence open(Path location, boolean fsync, long compactBytes) {
        return open(location, fsync, compactBytes, FLUSH_INTERVAL_MILLIS);
    }

    /**
     * As {@link #open(Path, boolean, long)}, writing records that no acknowledgement waited for every
     * {@code flushIntervalMillis} (0: only on acknowledgements and {@link #close()}).
     */
    public static BrokerPersistence open(Path location, boolean fsync, long compactBytes, long flushIntervalMillis) {
        PersistenceDirectory dir = PersistenceDirectory.open(location);
        try {
            List<Long> journals = dir.journals();
            List<Long> snapshots = dir.snapshots();
            long newest = Math.max(journals.isEmpty() ? 0 : journals.get(journals.size() - 1),
                    snapshots.isEmpty() ? 0 : snapshots.get(snapshots.size() - 1));
            PersistentState state = StateLoader.load(dir, newest, true);
            state.pruneExpired(System.currentTimeMillis());
            long generation = newest + 1;
            // a fresh snapshot + journal: the old journal may end in a torn record that must not be appended to
            dir.writeSnapshot(generation, state);
            FileChannel journal = dir.createJournal(generation, fsync);
            dir.deleteBefore(generation);
            LOG.info("persistence in {}: restored {} sessions and {} retained messages (fsync {})", dir.path(),
                    state.sessions.size(), state.retained.size(), fsync ? "on" : "off");
            return new BrokerPersistence(dir, new JournalWriter(journal, generation, fsync), state, compactBytes,
                    fsync, flushIntervalMillis);
        } catch (RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    public boolean isEnabled() {
        return writer != null;
    }

    /** Where session changes go, or null when persistence is off. */
    public SessionJournal sessionJournal() {
        return listener;
    }

    /**
     * Puts the loaded sessions, subscriptions and retained messages into the (empty) live stores, then starts
     * journaling retained-store changes. Call once, before accepting connections.
     */
    public void restoreInto(SessionStore sessions, SubscriptionTree subscriptions, RetainedStore retained) {
        if (!isEnabled()) {
            return;
        }
        PersistentState state = loaded;
        loaded = null;
        if (state != null) {
            StateRestorer.restore(state, Clocks.now(), sessions, subscriptions, retained, listener);
        }
        retained.changeListener(listener);
    }

    /**
     * Makes every change recorded so far durable: written to the OS (and forced to the device with fsync)
     * before the caller acknowledges anything that depends on it. A no-op when persistence is off.
     *
     * @throws PersistenceException when the journal cannot be written; nothing must be acknowledged then
     */
    public void awaitDurable() {
        if (writer == null || closed) {
            return;
        }
        writer.sync();
        if (compactBytes > 0 && writer.fileSize() > compactBytes && compacting.compareAndSet(false, true)) {
            background.execute(() -> {
                try {
                    compactInBackground();
                } catch (RuntimeException alreadyLogged) {
                    // the journals are intact; the next trigger tries again
                }
            });
        }
    }

    /** Seals the journal and compacts it into a snapshot now, waiting until that is done (tools and tests). */
    public void compactNow() {
        if (!isEnabled()) {
            return;
        }
        while (!compacting.compareAndSet(false, true)) {
            Thread.onSpinWait();
        }
        Future<?> done = background.submit(this::compactInBackground);
        try {
            done.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new PersistenceException("compaction of " + dir.path() + " failed: " + e.getMessage(), e);
        }
    }

    private void compactInBackground() {
        try {
            long sealed = writer.generation();
            long next = sealed + 1;
            writer.rotate(dir.createJournal(next, fsync), next);
            long started = System.nanoTime();
            PersistentState state = StateLoader.load(dir, sealed, false);
            dir.writeSnapshot(next, state);
            dir.deleteBefore(next);
            LOG.info("persistence compacted into snapshot {} ({} sessions, {} retained) in {} ms", next,
                    state.sessions.size(), state.retained.size(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (RuntimeException e) {
            // the journals stay as they are and remain complete: nothing is lost, the next attempt may succeed
            LOG.error("persistence compaction failed: {}", e.getMessage(), e);
            throw e;
        } finally {
            compacting.set(false);
        }
    }

    private void flushInBackground() {
        try {
            if (!closed && writer.hasUnwritten()) {
                writer.sync();
            }
        } catch (RuntimeException e) {
            LOG.error("persistence journal flush failed: {}", e.getMessage());
        }
    }

    /** Writes what is pending, stops the background threads and releases the directory lock. */
    @Override
    public void close() {
        if (!isEnabled() || closed) {
            return;
        }
        closed = true;
        background.shutdown();
        try {
            if (!background.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("persistence compaction still running at shutdown; its journals stay and are replayed");
                background.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            writer.close();
        } finally {
            dir.close();
        }
    }
}
