package io.mqttharness.broker.session;

/**
 * The network connection a {@link Session} is currently attached to, as seen by the session: it only needs to be
 * woken when new messages were queued, asked whether its network buffer has room, and told when a newer
 * connection takes it over. Implementations must hand the work to their own event loop.
 */
public interface SessionOwner {
    /** New messages are queued for this owner; flush them from the owner's event loop. Callable from any thread. */
    void wakeUp();

    /**
     * False while the connection's outbound buffer is above its high water mark (the client reads slower than
     * messages arrive). The session then drops QoS 0 messages instead of queueing them. Callable from any thread.
     */
    boolean isWritable();

    /**
     * A newer connection with the same client identifier took the session (MQTT-3.1.4-3 in 5.0, MQTT-3.1.4-2
     * in 3.1.1); close this one.
     * {@code sessionContinues} is false when the new connection started a clean session. Callable from any thread.
     */
    void takeOver(boolean sessionContinues);
}
