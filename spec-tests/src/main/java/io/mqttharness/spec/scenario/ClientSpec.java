package io.mqttharness.spec.scenario;

/**
 * A logical client of a scenario.
 *
 * @param name the name steps refer to
 * @param autoAck answer QoS 1/2 flows automatically (PUBACK, PUBREC, PUBREL, PUBCOMP) and hide those acks from
 *        expectations, for scenarios where acknowledgements are not the point
 */
public record ClientSpec(String name, boolean autoAck) {
}
