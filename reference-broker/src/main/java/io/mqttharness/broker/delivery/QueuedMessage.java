package io.mqttharness.broker.delivery;

import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttPublish;
import java.util.List;

/**
 * One application message on its way to one session: what was published (topic resolved, inbound Topic Alias
 * removed), and how this subscriber gets it.
 *
 * @param publish the message as received (its properties are forwarded unaltered apart from the ones below)
 * @param qos delivery QoS, min(publish QoS, granted QoS) (MQTT-3.8.4-8 in 5.0, MQTT-3.8.4-6 in 3.1.1)
 * @param retain RETAIN flag to send: 1 for retained messages sent because of a subscription (MQTT-3.3.1-8
 *        in 3.1.1), else the Retain As Published rule (MQTT-3.3.1-12/13 in 5.0)
 * @param subscriptionIdentifiers identifiers of the matching subscriptions (MQTT-3.3.4-3/4/5 in 5.0)
 * @param receivedAtNanos {@link System#nanoTime()} when the broker got the message, for Message Expiry
 */
public record QueuedMessage(MqttPublish publish, MqttQos qos, boolean retain, List<Integer> subscriptionIdentifiers,
        long receivedAtNanos) {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public QueuedMessage {
        subscriptionIdentifiers = List.copyOf(subscriptionIdentifiers);
    }

    /** True once the Message Expiry Interval has passed (MQTT-3.3.2-5 in 5.0: delete undelivered copies). */
    public boolean isExpired(long nowNanos) {
        Long interval = publish.properties().messageExpiryInterval();
        return interval != null && nowNanos - receivedAtNanos >= interval * NANOS_PER_SECOND;
    }

    /**
     * The PUBLISH to put on the wire. MQTT 5: Message Expiry Interval reduced by the waiting time (MQTT-3.3.2-6),
     * this subscriber's Subscription Identifiers, no Topic Alias; MQTT 3.1.1: no properties. DUP is 0 on the first
     * attempt (MQTT-4.3.2-2 / MQTT-4.3.3-2 in 5.0, MQTT-4.3.2-1 / MQTT-4.3.3-1 in 3.1.1), 1 on re-delivery
     * (MQTT-3.3.1-1) and always 0 for QoS 0 (MQTT-3.3.1-2); the incoming DUP is never propagated (MQTT-3.3.1-3).
     */
    public MqttPublish toPublish(int packetId, boolean dup, long nowNanos, MqttVersion version) {
        MqttProperties properties = MqttProperties.EMPTY;
        if (version.isV5()) {
            MqttProperties.Builder b = publish.properties().toBuilder()
                    .topicAlias(null)
                    .subscriptionIdentifiers(subscriptionIdentifiers);
            Long interval = publish.properties().messageExpiryInterval();
            if (interval != null) {
                long waited = (nowNanos - receivedAtNanos) / NANOS_PER_SECOND;
                b.messageExpiryInterval(Math.max(1L, interval - waited));
            }
            properties = b.build();
        }
        return new MqttPublish(qos != MqttQos.AT_MOST_ONCE && dup, qos, retain, publish.topic(), packetId,
                properties, publish.payload());
    }
}
