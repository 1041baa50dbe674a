package io.mqttharness.broker.security;

/**
 * Outcome of the user name / password check of a CONNECT without enhanced authentication. The broker maps it
 * to CONNACK: MQTT 3.1.1 return codes 0x00 / 0x04 / 0x05, MQTT 5.0 reason codes 0x00 / 0x86 / 0x87.
 */
public enum ConnectDecision {
    ACCEPTED,
    /** A user name was given and the password file does not confirm it with this password. */
    BAD_USERNAME_OR_PASSWORD,
    /** The client is not allowed in at all (anonymous when anonymous access is off, missing certificate). */
    NOT_AUTHORIZED
}
