package io.mqttharness.broker.session;

import io.mqttharness.broker.sys.BrokerStats;

/**
 * How a session queue is bounded (mosquitto's {@code max_queued_messages} and {@code queue_qos0_messages}), so that
 * memory stays bounded for offline and slow clients alike. Every drop is counted in
 * {@code $SYS/broker/messages/dropped}:
 * <ul>
 *   <li>When the queue holds {@code maxQueued} messages, the newest message (the one arriving) is dropped; the
 *       queued ones keep their order and are delivered once the client reads again.</li>
 *   <li>A QoS 0 message for a connected client whose channel is not writable (more than the channel's high water
 *       mark waits to be written, see {@code MqttChannelInitializer}) is dropped, whatever the queue length.</li>
 *   <li>QoS 0 messages for an offline session are not queued unless {@code queueQos0WhileOffline} (not counted:
 *       there is no one to deliver them to).</li>
 * </ul>
 * Messages in flight (sent, not yet acknowledged) are bounded separately by the inflight window.
 *
 * @param maxQueued largest number of queued (not yet in flight) messages per session, 0 for no bound
 * @param queueQos0WhileOffline whether QoS 0 messages are queued for an offline session
 * @param stats where drops and queue sizes are counted
 */
public record QueuePolicy(int maxQueued, boolean queueQos0WhileOffline, BrokerStats stats) {
}
