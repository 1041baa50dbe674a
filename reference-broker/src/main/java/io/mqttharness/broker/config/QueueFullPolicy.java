package io.mqttharness.broker.config;

/**
 * What a session queue that reached {@code max_queued_messages} or {@code max_queued_bytes} does with one more
 * message ({@code queue_full_policy}, an extension: mosquitto always drops the newest). Either way the dropped
 * message is counted in {@code $SYS/broker/publish/messages/dropped}.
 */
public enum QueueFullPolicy {
    /** Drop the arriving message; what is queued keeps flowing in order (mosquitto's behaviour, the default). */
    DROP_NEWEST,
    /** Drop the oldest queued messages until the new one fits: a slow consumer gets the most recent data. */
    DROP_OLDEST
}
