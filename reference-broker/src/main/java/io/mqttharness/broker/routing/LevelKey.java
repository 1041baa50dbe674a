package io.mqttharness.broker.routing;

/**
 * A topic level as a key of the trie's child maps: a range of characters of some string. Stored keys cover a
 * whole level string ({@link #of}); {@link SubscriptionTree#match} probes the maps with one private instance
 * that it moves along the topic name ({@link #moveTo}), so matching a PUBLISH creates no substring per level.
 *
 * <p>Equality and hash code are those of the characters in the range, so a probe equals the stored key of the
 * same level text. A key inside a map is never moved: only the probe, which no map ever holds, is.
 */
final class LevelKey {
    private String source;
    private int from;
    private int to;
    private int hash;

    private LevelKey(String source, int from, int to) {
        moveTo(source, from, to);
    }

    /** A key for a whole level string, to store in a map or to look one up outside the hot path. */
    static LevelKey of(String level) {
        return new LevelKey(level, 0, level.length());
    }

    /** A probe to reuse across lookups; starts at the empty level of an empty string. */
    static LevelKey probe() {
        return new LevelKey("", 0, 0);
    }

    /** Moves this probe to {@code source[from, to)}; returns this. Never call on a key held by a map. */
    LevelKey moveTo(String source, int from, int to) {
        this.source = source;
        this.from = from;
        this.to = to;
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + source.charAt(i);
        }
        this.hash = h;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LevelKey other)) {
            return false;
        }
        int length = to - from;
        return hash == other.hash && length == other.to - other.from
                && source.regionMatches(from, other.source, other.from, length);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return source.substring(from, to);
    }
}
