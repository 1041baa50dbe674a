package io.mqttharness.load.action;

/**
 * Decides, at each tick of a sensor's fixed publish schedule, whether the sensor fell behind (an overrun) and
 * which slot to publish. Pure arithmetic on nanosecond times, so it can be tested without a clock.
 *
 * <p>Open workload: slot {@code k} is due at {@code start + k * interval}, whatever happened to slot
 * {@code k - 1}. An overrun is a slot that
 * <ul>
 *   <li>is due while the previous publish is still unacknowledged (the sensor still busy): it is published
 *       anyway, on time;</li>
 *   <li>starts later than the tolerance (the schedule slipped: the injector's event loop was late): it is
 *       published late;</li>
 *   <li>was missed entirely because the loop woke up a whole interval or more late: it is skipped, so that
 *       the sensor does not burst to catch up, and every skipped slot counts as an overrun.</li>
 * </ul>
 * Nothing is silently dropped or queued: every slot is either published or counted.
 */
final class OverrunPolicy {
    private final long startNanos;
    private final long intervalNanos;
    private final long toleranceNanos;

    /** The tolerance is half an interval, but at most 10 ms: beyond that latency figures hide the slip. */
    OverrunPolicy(long startNanos, long intervalNanos) {
        this(startNanos, intervalNanos, Math.min(intervalNanos / 2, 10_000_000L));
    }

    OverrunPolicy(long startNanos, long intervalNanos, long toleranceNanos) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("interval must be positive, got " + intervalNanos + " ns");
        }
        this.startNanos = startNanos;
        this.intervalNanos = intervalNanos;
        this.toleranceNanos = toleranceNanos;
    }

    /**
     * What to do at {@code nowNanos} for the due slot {@code slot}.
     *
     * @param slot the slot being served (the next one not yet published or skipped)
     * @param previousStillPending whether the sensor's previous publish is still unacknowledged
     */
    Tick tick(long slot, long nowNanos, boolean previousStillPending) {
        long due = dueNanos(slot);
        long late = nowNanos - due;
        long skipped = late >= intervalNanos ? late / intervalNanos : 0;
        long served = slot + skipped;
        long lateness = nowNanos - dueNanos(served);
        boolean overrun = previousStillPending || lateness > toleranceNanos;
        return new Tick(served, skipped, skipped + (overrun ? 1 : 0));
    }

    /** When slot {@code slot} is due. */
    long dueNanos(long slot) {
        return startNanos + slot * intervalNanos;
    }

    /**
     * @param slot the slot to publish now
     * @param skipped slots skipped before it (missed entirely)
     * @param overruns overruns this tick adds (skipped slots plus this one if late or the sensor was busy)
     */
    record Tick(long slot, long skipped, long overruns) {
    }
}
