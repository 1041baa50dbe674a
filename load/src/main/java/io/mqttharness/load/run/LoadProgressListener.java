package io.mqttharness.load.run;

/** Live progress of a {@link LoadRunner} run, called about once a second from a timer thread. */
@FunctionalInterface
public interface LoadProgressListener {
    /** A listener that ignores progress. */
    LoadProgressListener NONE = progress -> { };

    /** Called with the totals so far. */
    void onProgress(LoadProgress progress);

    /**
     * Totals so far.
     *
     * @param elapsedSeconds seconds since the run started
     * @param plannedSeconds expected length of the run (ramp + duration + drain)
     * @param connected clients connected now
     * @param published messages published so far
     * @param received messages received so far
     * @param ko failed requests so far
     * @param currentP99Micros p99 end-to-end latency over the last interval, microseconds
     */
    record LoadProgress(double elapsedSeconds, double plannedSeconds, int connected, long published, long received,
            long ko, long currentP99Micros) {
    }
}
