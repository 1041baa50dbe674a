package io.mqttharness.broker.session;

import io.mqttharness.broker.delivery.QueuedMessage;
import io.mqttharness.broker.routing.Subscription;

/**
 * Receives every change of a persistent session's state, so that persistence can replay it after a restart. A
 * {@link Session} calls it only while it holds its own lock, which makes the order of the calls for one client
 * identifier the order of the changes; implementations must therefore be quick and must not call back into the
 * session. Only QoS 1/2 messages are reported: QoS 0 messages may be lost.
 *
 * <p>The queue is reported as a FIFO: {@link #taken} and {@link #dropped} always concern the oldest reported
 * message still queued, exactly as {@link Session#nextToSend} takes them.
 */
public interface SessionJournal {
    /** The session was created (or restarted by Clean Start) and is persistent; replaces any earlier state. */
    void created(String clientId, String username, long expirySeconds);

    /** A persistent session was resumed by a new connection; its state stays. */
    void resumed(String clientId, String username, long expirySeconds);

    /** The network connection ended; the session expires {@code expirySeconds} after {@code atEpochMillis}. */
    void wentOffline(String clientId, long expirySeconds, long atEpochMillis);

    /** The session ended (expiry, Clean Start, Session Expiry Interval 0): forget everything about it. */
    void ended(String clientId);

    void subscribed(Subscription subscription);

    void unsubscribed(String clientId, String shareGroup, String topicFilter);

    /** A QoS 1/2 message was appended to the queue. */
    void enqueued(String clientId, QueuedMessage message);

    /** The oldest queued message was sent with this Packet Identifier and is now in flight. */
    void taken(String clientId, int packetId);

    /** The oldest queued message was dropped (its Message Expiry Interval passed). */
    void dropped(String clientId);

    /** PUBREC received for an outbound message: only PUBREL/PUBCOMP remain. */
    void released(String clientId, int packetId);

    /** An outbound exchange ended (PUBACK, PUBCOMP, error PUBREC). */
    void completed(String clientId, int packetId);

    /** PUBREC sent for an inbound QoS 2 message: its identifier is remembered until PUBREL. */
    void inboundAwaitingPubRel(String clientId, int packetId);

    /** PUBREL received for an inbound QoS 2 identifier. */
    void inboundReleased(String clientId, int packetId);
}
