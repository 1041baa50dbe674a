package io.mqttharness.load.e2e;

/**
 * Message counts of one stream of messages: a sensor, a subscriber, or everything.
 *
 * @param published messages acknowledged to publishers (QoS 1/2) or written (QoS 0)
 * @param received distinct messages received (each subscriber's expected copy counts once)
 * @param lost published messages an expecting subscriber never received
 * @param duplicates messages a subscriber received again (same sensor and sequence)
 * @param outOfOrder messages a subscriber received after a higher sequence number of the same sensor
 */
public record StreamCounts(long published, long received, long lost, long duplicates, long outOfOrder) {
    /** No messages. */
    public static final StreamCounts ZERO = new StreamCounts(0, 0, 0, 0, 0);

    /** Component-wise sum. */
    public StreamCounts plus(StreamCounts other) {
        return new StreamCounts(published + other.published, received + other.received, lost + other.lost,
                duplicates + other.duplicates, outOfOrder + other.outOfOrder);
    }
}
