package io.mqttharness.spec.client;

import java.util.ArrayList;
import java.util.List;

/** The annotated trace of one scenario run, shared by its clients; thread safe. */
public final class ScenarioTrace {
    private final long startNanos = System.nanoTime();
    private final List<TraceEntry> entries = new ArrayList<>();

    /** Milliseconds since the scenario started. */
    public long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    public void sent(String client, String summary, String hex) {
        add(new TraceEntry(elapsedMillis(), client, TraceEntry.Direction.SENT, summary, hex));
    }

    public void received(String client, String summary, String hex) {
        add(new TraceEntry(elapsedMillis(), client, TraceEntry.Direction.RECEIVED, summary, hex));
    }

    public void event(String client, String summary) {
        add(new TraceEntry(elapsedMillis(), client, TraceEntry.Direction.EVENT, summary, null));
    }

    private synchronized void add(TraceEntry entry) {
        entries.add(entry);
    }

    /** A snapshot of the entries so far, in order. */
    public synchronized List<TraceEntry> entries() {
        return List.copyOf(entries);
    }

    /** All entries, one per line. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (TraceEntry e : entries()) {
            sb.append(e.render()).append('\n');
        }
        return sb.toString();
    }
}
