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
    private final int unsupportedProtocolLevel;

    public MqttDecodeException(MqttDisconnectReasonCode reasonCode, String statementId, String message) {
        this(reasonCode, statementId, message, -1);
    }

    private MqttDecodeException(MqttDisconnectReasonCode reasonCode, String statementId, String message,
            int unsupportedProtocolLevel) {
        super(statementId == null ? message : message + " [" + statementId + "]", null, false, false);
        this.reasonCode = reasonCode;
        this.statementId = statementId;
        this.unsupportedProtocolLevel = unsupportedProtocolLevel;
    }

    /**
     * A CONNECT whose protocol level (or name/level combination) this codec does not speak. The broker answers
     * it with CONNACK return code 0x01 (MQTT 3.1.1) or reason code 0x84 Unsupported Protocol Version (MQTT 5)
     * and closes the connection [MQTT-3.1.2-2], instead of the plain disconnect other decode errors get.
     *
     * @param protocolLevel the level byte the client sent, 0..255
     */
    public static MqttDecodeException unsupportedProtocolVersion(int protocolLevel, String message) {
        return new MqttDecodeException(MqttDisconnectReasonCode.PROTOCOL_ERROR, "MQTT-3.1.2-2", message,
                protocolLevel);
    }

    /** The reason code a server sends in its DISCONNECT (or CONNACK) for this error. */
    public MqttDisconnectReasonCode reasonCode() {
        return reasonCode;
    }

    /** The violated normative statement, such as {@code MQTT-3.3.1-4}, or {@code null} if none applies. */
    public String statementId() {
        return statementId;
    }

    /**
     * True when the packet was a CONNECT with a protocol level the codec does not support; see
     * {@link #unsupportedProtocolVersion(int, String)}.
     */
    public boolean unsupportedProtocolVersion() {
        return unsupportedProtocolLevel >= 0;
    }

    /** The protocol level of an unsupported CONNECT, or -1 when {@link #unsupportedProtocolVersion()} is false. */
    public int protocolLevel() {
        return unsupportedProtocolLevel;
    }
}
