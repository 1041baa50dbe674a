package io.mqttharness.spec.engine;

/**
 * A step failed because the broker sent something no choice of the specification explains: a packet that cannot
 * be decoded, a packet of another type than the one expected, or an acknowledgement with a Packet Identifier other
 * than the expected one. Unlike other failures it fails the run even in an {@code assume} step, whose mismatches
 * otherwise mean "the broker made another allowed choice" (e.g. granted a lower QoS).
 */
public final class ProtocolViolation extends StepFailure {
    private static final long serialVersionUID = 1L;

    public ProtocolViolation(String message) {
        super(message);
    }
}
