package io.mqttharness.broker.persistence;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the state from the newest snapshot up to a generation and the journals after it
 * ({@link PersistenceDirectory} describes the layout). Checks that no journal is missing in between.
 */
final class StateLoader {
    private static final Logger LOG = LoggerFactory.getLogger(StateLoader.class);

    private StateLoader() {
    }

    /**
     * @param maxGeneration newest generation to read (journals after it are being written)
     * @param tornTailAllowed whether the newest journal read may end in an incomplete record (startup after a
     *        crash); sealed journals read by compaction must be complete
     */
    static PersistentState load(PersistenceDirectory dir, long maxGeneration, boolean tornTailAllowed) {
        PersistentState state = new PersistentState();
        long first = 1;
        List<Long> snapshots = dir.snapshots().stream().filter(g -> g <= maxGeneration).toList();
        if (!snapshots.isEmpty()) {
            first = snapshots.get(snapshots.size() - 1);
            JournalReader.read(dir.snapshot(first), PersistenceDirectory.SNAPSHOT_MAGIC, first, false, state);
        }
        long from = first;
        List<Long> journals = dir.journals().stream().filter(g -> g >= from && g <= maxGeneration).toList();
        long expected = first;
        long records = 0;
        for (int i = 0; i < journals.size(); i++) {
            long g = journals.get(i);
            if (g != expected) {
                throw new PersistenceException("persistence directory " + dir.path() + " is incomplete: journal "
                        + dir.journal(expected).getFileName() + " is missing (found "
                        + dir.journal(g).getFileName() + ")");
            }
            boolean last = i == journals.size() - 1;
            records += JournalReader.read(dir.journal(g), PersistenceDirectory.JOURNAL_MAGIC, g,
                    last && tornTailAllowed, state).records();
            expected++;
        }
        LOG.debug("loaded {} sessions and {} retained messages from {} (snapshot {}, {} journal records)",
                state.sessions.size(), state.retained.size(), dir.path(), snapshots.isEmpty() ? "none" : first,
                records);
        return state;
    }
}
