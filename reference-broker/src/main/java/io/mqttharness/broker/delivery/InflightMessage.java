package io.mqttharness.broker.delivery;

/**
 * A server-to-client QoS 1/2 message whose acknowledgement is outstanding. Kept in the session in sending order
 * so that a resumed session retransmits in the original order (MQTT-4.4.0-1, 4.6). Mutable state, guarded by the
 * owning session.
 */
public final class InflightMessage {
    private final int packetId;
    private final QueuedMessage message;
    private OutboundFlowState state;
    /** Position in the session's sending order, set by {@link InflightWindow#put}. */
    private long sequence;

    public InflightMessage(int packetId, QueuedMessage message, OutboundFlowState state) {
        this.packetId = packetId;
        this.message = message;
        this.state = state;
    }

    public int packetId() { return packetId; }
    public QueuedMessage message() { return message; }
    public OutboundFlowState state() { return state; }

    long sequence() { return sequence; }
    void sequence(long value) { sequence = value; }

    /** PUBREC received: from now on only the PUBREL/PUBCOMP part remains. */
    public void released() {
        if (state != OutboundFlowState.AWAITING_PUBREC) {
            throw new IllegalStateException("PUBREL only follows PUBREC, state is " + state);
        }
        state = OutboundFlowState.AWAITING_PUBCOMP;
    }

    /** A copy for handing to the event loop outside the session lock. */
    public InflightMessage snapshot() {
        return new InflightMessage(packetId, message, state);
    }
}
