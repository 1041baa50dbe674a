package io.mqttharness.broker.persistence;

/**
 * Converts between the broker's monotonic {@link System#nanoTime()} stamps and wall-clock milliseconds, which
 * are what survives a restart. One pair of readings anchors both scales.
 */
record Clocks(long nowNanos, long nowMillis) {

    static Clocks now() {
        return new Clocks(System.nanoTime(), System.currentTimeMillis());
    }

    long toEpochMillis(long nanos) {
        return nowMillis - Math.floorDiv(nowNanos - nanos, 1_000_000L);
    }

    long toNanos(long epochMillis) {
        return nowNanos - (nowMillis - epochMillis) * 1_000_000L;
    }
}
