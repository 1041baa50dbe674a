package io.mqttharness.broker.connection;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life cycle of one network connection. The first packet must be CONNECT (MQTT-3.1.0-1), which leads to
 * AUTHENTICATING (MQTT 5 enhanced authentication) or straight to CONNECTED; a second CONNECT is a Protocol Error
 * (MQTT-3.1.0-2). DISCONNECTING means the broker decided to close (DISCONNECT sent or received, CONNACK with an
 * error sent) and processes no further packets (MQTT-3.1.4-6 in 5.0, MQTT-3.1.4-5 in 3.1.1); CLOSED is final.
 */
public enum ConnectionState {
    AWAITING_CONNECT,
    AUTHENTICATING,
    CONNECTED,
    DISCONNECTING,
    CLOSED;

    private Set<ConnectionState> next;

    static {
        AWAITING_CONNECT.next = EnumSet.of(AUTHENTICATING, CONNECTED, DISCONNECTING, CLOSED);
        AUTHENTICATING.next = EnumSet.of(CONNECTED, DISCONNECTING, CLOSED);
        CONNECTED.next = EnumSet.of(DISCONNECTING, CLOSED);
        DISCONNECTING.next = EnumSet.of(CLOSED);
        CLOSED.next = EnumSet.noneOf(ConnectionState.class);
    }

    /** Whether a connection in this state may move to {@code target}. */
    public boolean canMoveTo(ConnectionState target) {
        return next.contains(target);
    }

    /** True while incoming packets are still processed. */
    public boolean acceptsPackets() {
        return this == AWAITING_CONNECT || this == AUTHENTICATING || this == CONNECTED;
    }
}
