package io.mqttharness.broker.session;

import io.mqttharness.broker.sys.BrokerStats;

/**
 * How a session queue is bounded (mosquitto's {@code max_queued_messages} and {@code queue_qos0_messages}).
 * When the bound is reached the newest message is dropped and counted in {@code $SYS/broker/messages/dropped},
 * so memory stays bounded for offline and slow clients alike.
 *
 * @param maxQueued largest number of queued (not yet in flight) messages per session, 0 for no bound
 * @param queueQos0WhileOffline whether QoS 0 messages are queued for an offline session
 * @param stats where drops and queue sizes are counted
 */
public record QueuePolicy(int maxQueued, boolean queueQos0WhileOffline, BrokerStats stats) {
}
