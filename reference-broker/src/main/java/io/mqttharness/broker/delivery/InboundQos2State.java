package io.mqttharness.broker.delivery;

/**
 * State of a client-to-server QoS 2 exchange for one Packet Identifier (receiver side of MQTT 5.0 section
 * 4.3.3, method A: the message is routed when the PUBLISH arrives and only the identifier is kept). An identifier
 * absent from the session's map is implicitly {@code IDLE}; {@code AWAITING_PUBREL} lasts from the PUBREC until
 * the PUBREL, and while it lasts a PUBLISH with the same identifier is answered with PUBREC but not routed again
 * (MQTT-4.3.3-10 in 5.0, MQTT-4.3.3-2 in 3.1.1).
 */
public enum InboundQos2State {
    IDLE,
    AWAITING_PUBREL
}
