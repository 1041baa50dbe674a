package io.mqttharness.load.action;

import io.gatling.core.session.Session;
import io.mqttharness.load.e2e.E2eLatencyTracker;
import io.mqttharness.load.e2e.SensorHeader;

/** Builds the next payload of a publish: raw bytes, or a sensor message with the sensor's next sequence number. */
final class SensorMessages {
    private static final Runnable NOTHING = () -> { };

    private SensorMessages() {
    }

    /**
     * The payload to send, the session with the sequence advanced, and what to record once the broker took it.
     *
     * @param session the user's session with the sequence advanced (sensor mode)
     * @param bytes the payload
     * @param published records the message as published in the tracker
     */
    record Next(Session session, byte[] bytes, Runnable published) {
    }

    static Next next(Session session, PublishPayload payload, String topic, E2eLatencyTracker tracker) {
        if (!payload.isSensor()) {
            return new Next(session, payload.bytes().apply(session), NOTHING);
        }
        int sensorId = payload.sensorId().apply(session);
        String attribute = PublishPayload.sequenceAttribute(sensorId);
        long sequence = session.contains(attribute) ? (Long) session.attributes().apply(attribute) : 0L;
        byte[] bytes = SensorHeader.now(sensorId, sequence).encode(payload.size());
        return new Next(session.set(attribute, sequence + 1), bytes,
                () -> tracker.recordPublished(sensorId, topic, sequence));
    }
}
