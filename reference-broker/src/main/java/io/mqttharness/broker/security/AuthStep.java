package io.mqttharness.broker.security;

import java.util.Objects;

/**
 * One server step of an MQTT 5 enhanced authentication exchange (section 4.12): {@code CONTINUE} means send
 * AUTH with reason 0x18 (Continue authentication) carrying {@code serverData}; {@code SUCCESS} means finish
 * with CONNACK 0x00 (or AUTH 0x00 when re-authenticating) carrying {@code serverData}, if any; {@code FAILURE}
 * means refuse (CONNACK 0x87 Not authorized). {@code serverData} may be {@code null}.
 */
public record AuthStep(Outcome outcome, byte[] serverData) {

    /** What the broker does next. */
    public enum Outcome { CONTINUE, SUCCESS, FAILURE }

    public AuthStep {
        Objects.requireNonNull(outcome, "outcome");
    }

    public static AuthStep proceed(byte[] serverData) {
        return new AuthStep(Outcome.CONTINUE, serverData);
    }

    public static AuthStep success(byte[] serverData) {
        return new AuthStep(Outcome.SUCCESS, serverData);
    }

    public static AuthStep failure(byte[] serverData) {
        return new AuthStep(Outcome.FAILURE, serverData);
    }
}
