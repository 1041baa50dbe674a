package io.mqttharness.spec.misbehaving;

/**
 * One way a broker can break the protocol, as played by {@link MisbehavingBroker}. Each mode changes exactly one
 * behaviour of an otherwise conforming (minimal) broker, so that a verdict change can only come from it.
 */
enum Misbehaviour {
    /** Answers like a conforming broker: the control case. */
    NONE("conforming"),
    /** Accepts the TCP connection, reads, never writes anything. */
    STALL("accepts, never answers"),
    /** Answers CONNECT with bytes that are no MQTT packet (reserved packet type 0). */
    GARBAGE("garbage bytes instead of CONNACK"),
    /** Answers a QoS 1 PUBLISH with a PUBACK for another Packet Identifier. */
    PUBACK_WRONG_PACKET_ID("PUBACK with a wrong packet id"),
    /** Answers a QoS 2 PUBLISH with PUBCOMP, skipping PUBREC. */
    PUBCOMP_WITHOUT_PUBREC("PUBCOMP without PUBREC"),
    /** Never answers a subscriber's PUBREC with PUBREL. */
    NEVER_PUBREL("never sends PUBREL"),
    /** Never answers a PUBREL with PUBCOMP. */
    NEVER_PUBCOMP("never sends PUBCOMP"),
    /** Delivers every message twice (same packet, same Packet Identifier). */
    DUPLICATE_DELIVERY("delivers every message twice"),
    /** Closes the connection on CONNECT, without CONNACK. */
    CLOSE_AFTER_CONNECT("closes on CONNECT"),
    /** Closes the connection in the middle of a QoS 1/2 exchange (on PUBLISH QoS>0, PUBREC or PUBREL). */
    CLOSE_MID_FLOW("closes mid QoS flow"),
    /** Delays every packet it sends beyond the harness's expect timeout. */
    SLOW_PAST_TIMEOUT("every packet delayed past the timeout"),
    /** Delays every packet it sends, but less than the expect timeout: slow yet correct. */
    SLOW_UNDER_TIMEOUT("every packet delayed just under the timeout"),
    /** Sends a PUBACK for a Packet Identifier nobody used, right after CONNACK. */
    UNSOLICITED_PUBACK("PUBACK for an unknown packet id"),
    /** Sends a SUBACK out of the blue, right after CONNACK. */
    UNSOLICITED_SUBACK("SUBACK out of the blue"),
    /** Sends CONNACK twice. */
    SECOND_CONNACK("a second CONNACK");

    private final String description;

    Misbehaviour(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }
}
