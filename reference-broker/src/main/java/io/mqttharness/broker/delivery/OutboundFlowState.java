package io.mqttharness.broker.delivery;

/**
 * Where a server-to-client QoS 1/2 exchange stands (MQTT 5.0 section 4.3.2 / 4.3.3, sender side). The only
 * legal transitions are AWAITING_PUBREC -> AWAITING_PUBCOMP (on PUBREC &lt; 0x80); every other acknowledgement
 * ends the exchange and frees the Packet Identifier.
 */
public enum OutboundFlowState {
    /** QoS 1 PUBLISH sent, waiting for PUBACK. */
    AWAITING_PUBACK,
    /** QoS 2 PUBLISH sent, waiting for PUBREC. */
    AWAITING_PUBREC,
    /** PUBREL sent, waiting for PUBCOMP. */
    AWAITING_PUBCOMP;

    /** The state a freshly sent PUBLISH of this QoS (1 or 2) waits in. */
    public static OutboundFlowState initialFor(int qos) {
        if (qos == 1) {
            return AWAITING_PUBACK;
        }
        if (qos == 2) {
            return AWAITING_PUBREC;
        }
        throw new IllegalArgumentException("QoS 0 has no acknowledgement flow");
    }
}
