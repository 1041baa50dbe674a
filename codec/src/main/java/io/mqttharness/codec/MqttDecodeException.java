package io.mqttharness.codec;

import io.mqttharness.codec.reason.MqttDisconnectReasonCode;

/**
 * Thrown by the decoder for bytes that are not a valid packet. It names the MQTT 5 reason code a server
 * would disconnect with (Malformed Packet 0x81 or Protocol Error 0x82, occasionally a more specific one
 * such as Topic Name invalid 0x90 or Packet too large 0x95) and the normative statement that was violated,
 * e.g. {@code MQTT-3.3.1-4}, so that the broker can act on it and the harness can report it.
 */
public final class MqttDecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final MqttDisconnectReasonCode reasonCode;
    private final String statementId;

    public MqttDecodeException(MqttDisconnectReasonCode reasonCode, String statementId, String message) {
        super(statementId == null ? message : message + " [" + statementId + "]");
        this.reasonCode = reasonCode;
        this.statementId = statementId;
    }

    /** The reason code a server sends in its DISCONNECT (or CONNACK) for this error. */
    public MqttDisconnectReasonCode reasonCode() {
        return reasonCode;
    }

    /** The violated normative statement, such as {@code MQTT-3.3.1-4}, or {@code null} if none applies. */
    public String statementId() {
        return statementId;
    }
}
