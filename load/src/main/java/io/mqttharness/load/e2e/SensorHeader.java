package io.mqttharness.load.e2e;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The binary header at the start of every sensor payload, so that a subscriber can compute end-to-end latency
 * and detect loss, duplicates and reordering per sensor.
 *
 * <pre>
 * offset size field
 *   0     2   magic 0x4D48 ("MH")
 *   2     1   format version (1)
 *   3     4   sensor id (int, big endian)
 *   7     8   sequence number per sensor, from 0
 *  15     8   send time, System.nanoTime() of the publishing JVM
 *  23     8   send time, microseconds since the epoch (for humans and cross-host use)
 *  31     -   padding up to the requested payload size
 * </pre>
 *
 * <p>{@code sendNanos} is only comparable within one JVM, which holds because publishers and subscribers of a
 * simulation run in the same Gatling process.
 *
 * @param sensorId sensor (publisher) identifier
 * @param sequence per-sensor sequence number
 * @param sendNanos {@link System#nanoTime()} at send
 * @param sendEpochMicros wall-clock send time in microseconds since the epoch
 */
public record SensorHeader(int sensorId, long sequence, long sendNanos, long sendEpochMicros) {
    /** Encoded size in bytes; payloads are never shorter. */
    public static final int SIZE = 31;

    private static final short MAGIC = 0x4D48;
    private static final byte FORMAT = 1;

    /** Encodes this header followed by zero padding, {@code max(SIZE, payloadSize)} bytes in all. */
    public byte[] encode(int payloadSize) {
        byte[] bytes = new byte[Math.max(SIZE, payloadSize)];
        ByteBuffer.wrap(bytes)
                .putShort(MAGIC)
                .put(FORMAT)
                .putInt(sensorId)
                .putLong(sequence)
                .putLong(sendNanos)
                .putLong(sendEpochMicros);
        return bytes;
    }

    /** The header of a payload, or empty when the payload was not written by {@link #encode(int)}. */
    public static Optional<SensorHeader> decode(byte[] payload) {
        if (payload.length < SIZE) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        if (buffer.getShort() != MAGIC || buffer.get() != FORMAT) {
            return Optional.empty();
        }
        return Optional.of(new SensorHeader(buffer.getInt(), buffer.getLong(), buffer.getLong(), buffer.getLong()));
    }

    /** A header stamped with the current time. */
    public static SensorHeader now(int sensorId, long sequence) {
        java.time.Instant now = java.time.Instant.now();
        long epochMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        return new SensorHeader(sensorId, sequence, System.nanoTime(), epochMicros);
    }
}
