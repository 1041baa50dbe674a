package io.mqttharness.load.action;

import io.gatling.core.session.Session;
import io.mqttharness.load.e2e.SensorHeader;
import java.util.function.Function;

/**
 * What a publish sends: either bytes computed from the session, or a {@link SensorHeader} (sensor id from the
 * session, next per-sensor sequence number, send time) padded to a size.
 *
 * @param bytes the raw payload, or {@code null} in sensor mode
 * @param sensorId the sensor id in sensor mode, else {@code null}
 * @param size the sensor payload size in bytes (at least the header)
 */
record PublishPayload(Function<Session, byte[]> bytes, Function<Session, Integer> sensorId, int size) {
    static final String SEQUENCE_ATTRIBUTE_PREFIX = "io.mqttharness.load.sequence.";

    static PublishPayload raw(Function<Session, byte[]> bytes) {
        return new PublishPayload(bytes, null, 0);
    }

    static PublishPayload sensor(Function<Session, Integer> sensorId, int size) {
        if (size < 0) {
            throw new IllegalArgumentException("payload size must not be negative, got " + size);
        }
        return new PublishPayload(null, sensorId, size);
    }

    boolean isSensor() {
        return sensorId != null;
    }

    /** The per-sensor sequence is kept in the session, so it survives a reconnect of the same user. */
    static String sequenceAttribute(int sensorId) {
        return SEQUENCE_ATTRIBUTE_PREFIX + sensorId;
    }
}
