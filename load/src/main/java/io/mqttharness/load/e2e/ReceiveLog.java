package io.mqttharness.load.e2e;

import java.util.BitSet;

/**
 * What one subscriber received of one sensor: a bit per sequence number, the highest sequence seen so far, and
 * the duplicates and reorderings. Guarded by its own monitor (subscribers of one sensor run on different loops).
 */
final class ReceiveLog {
    private final BitSet received = new BitSet();
    private long highest = -1;
    private long duplicates;
    private long outOfOrder;

    /** Records one delivery; false when it was a duplicate. */
    synchronized boolean record(int sequence) {
        if (received.get(sequence)) {
            duplicates++;
            return false;
        }
        received.set(sequence);
        if (sequence < highest) {
            outOfOrder++;
        } else {
            highest = sequence;
        }
        return true;
    }

    /** Counts against the sensor's published set (which this method does not modify). */
    synchronized StreamCounts countAgainst(BitSet published) {
        BitSet missing = (BitSet) published.clone();
        missing.andNot(received);
        return new StreamCounts(0, received.cardinality(), missing.cardinality(), duplicates, outOfOrder);
    }
}
