package io.mqttharness.broker.persistence;

import io.mqttharness.broker.delivery.QueuedMessage;
import io.mqttharness.codec.MqttQos;
import java.util.List;

/**
 * A queued or in-flight message as kept on disk: the PUBLISH bytes ({@link PublishBytes}) and how this subscriber
 * gets it. Times are wall-clock milliseconds, because {@link System#nanoTime()} means nothing after a restart.
 *
 * @param publish the encoded PUBLISH
 * @param qos delivery QoS (1 or 2)
 * @param retain RETAIN flag to deliver with
 * @param subscriptionIdentifiers identifiers of the matching subscriptions
 * @param receivedAtMillis when the broker received the message, for Message Expiry
 * @param expiryIntervalSeconds the message's Message Expiry Interval, or -1 when it has none
 */
record StoredMessage(byte[] publish, MqttQos qos, boolean retain, List<Integer> subscriptionIdentifiers,
        long receivedAtMillis, long expiryIntervalSeconds) {


    /** True when the Message Expiry Interval has passed at {@code nowMillis}. */
    boolean isExpired(long nowMillis) {
        return expiryIntervalSeconds >= 0 && nowMillis - receivedAtMillis >= expiryIntervalSeconds * 1000;
    }

    QueuedMessage toQueued(Clocks clocks, String where) {
        return new QueuedMessage(PublishBytes.decode(publish, where), qos, retain, subscriptionIdentifiers,
                clocks.toNanos(receivedAtMillis));
    }
}
