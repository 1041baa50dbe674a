package io.mqttharness.broker.routing;

import io.mqttharness.codec.packet.MqttPublish;
import java.util.Objects;

/**
 * A retained Application Message and the moment ({@link System#nanoTime()} scale) it was stored, from which the
 * remaining Message Expiry Interval is derived (MQTT 5 section 3.3.2.3.3).
 *
 * @param publish the PUBLISH as stored (topic resolved, payload not empty)
 * @param storedAtNanos monotonic time of storing
 */
public record RetainedMessage(MqttPublish publish, long storedAtNanos) {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public RetainedMessage {
        Objects.requireNonNull(publish, "publish");
    }

    /** The topic name the message is retained under. */
    public String topic() {
        return publish.topic();
    }

    /**
     * Remaining Message Expiry Interval in seconds at {@code nowNanos}, or null when the message has none;
     * zero or negative once expired. Whole seconds waited are subtracted (MQTT-3.3.2-6: the forwarded interval
     * is the received value minus the time waited), so a message with interval 1 is still deliverable with 1
     * after 0.5 s and expired after exactly 1 s.
     */
    public Long remainingExpirySeconds(long nowNanos) {
        Long interval = publish.properties().messageExpiryInterval();
        if (interval == null) {
            return null;
        }
        long waitedSeconds = Math.floorDiv(nowNanos - storedAtNanos, NANOS_PER_SECOND);
        return interval - waitedSeconds;
    }

    /** True when the message has a Message Expiry Interval that has elapsed at {@code nowNanos}. */
    public boolean isExpired(long nowNanos) {
        Long remaining = remainingExpirySeconds(nowNanos);
        return remaining != null && remaining <= 0;
    }
}
