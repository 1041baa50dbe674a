package io.mqttharness.broker.session;

import io.mqttharness.broker.config.QueueFullPolicy;
import io.mqttharness.broker.sys.BrokerStats;

/**
 * How a session queue is bounded (mosquitto's {@code max_queued_messages}, {@code max_queued_bytes} and
 * {@code queue_qos0_messages}, plus the {@code queue_full_policy} extension), so that memory stays bounded for
 * offline and slow clients alike. Every drop is counted in {@code $SYS/broker/publish/messages/dropped} (and the
 * older name {@code $SYS/broker/messages/dropped}):
 * <ul>
 *   <li>When the queue holds {@code maxQueued} messages or adding the message would take its payload bytes past
 *       {@code maxQueuedBytes}, {@link QueueFullPolicy#DROP_NEWEST} drops the arriving message and the queued ones
 *       keep their order; {@link QueueFullPolicy#DROP_OLDEST} drops the oldest queued messages until the new one
 *       fits. A message whose payload alone exceeds {@code maxQueuedBytes} is dropped either way.</li>
 *   <li>A QoS 0 message for a connected client whose channel is not writable (more than the channel's high water
 *       mark waits to be written, see {@code MqttChannelInitializer}) is dropped, whatever the queue length.</li>
 *   <li>QoS 0 messages for an offline session are not queued unless {@code queueQos0WhileOffline} (not counted:
 *       there is no one to deliver them to).</li>
 * </ul>
 * Messages in flight (sent, not yet acknowledged) are bounded separately by the inflight window.
 *
 * @param maxQueued largest number of queued (not yet in flight) messages per session, 0 for no bound
 * @param maxQueuedBytes largest sum of queued payload bytes per session, 0 for no bound
 * @param fullPolicy which message a full queue drops
 * @param queueQos0WhileOffline whether QoS 0 messages are queued for an offline session
 * @param stats where drops and queue sizes are counted
 */
public record QueuePolicy(int maxQueued, long maxQueuedBytes, QueueFullPolicy fullPolicy, boolean queueQos0WhileOffline,
        BrokerStats stats) {

    /** Count-bounded, newest dropped: mosquitto's defaults. */
    public QueuePolicy(int maxQueued, boolean queueQos0WhileOffline, BrokerStats stats) {
        this(maxQueued, 0, QueueFullPolicy.DROP_NEWEST, queueQos0WhileOffline, stats);
    }
}
