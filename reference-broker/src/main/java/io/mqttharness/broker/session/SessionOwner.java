package io.mqttharness.broker.session;

/**
 * The network connection a {@link Session} is currently attached to, as seen by the session: it only needs to be
 * woken when new messages were queued, and told when a newer connection takes it over. Implementations must hand the work to their own event loop.
 */
public interface SessionOwner {
    /** New messages are queued for this owner; flush them from the owner's event loop. Callable from any thread. */
    void wakeUp();

    /**
     * A newer connection with the same client identifier took the session (MQTT-3.1.4-3); close this one.
     * {@code sessionContinues} is false when the new connection started a clean session. Callable from any thread.
     */
    void takeOver(boolean sessionContinues);
}
