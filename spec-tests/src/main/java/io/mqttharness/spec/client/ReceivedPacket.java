package io.mqttharness.spec.client;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.spec.packet.PacketView;
import java.util.Map;

/**
 * One packet received from the broker: decoded, or (if the bytes violate the specification) only its bytes and
 * the decode error.
 *
 * @param type the packet type from the fixed header, or {@code null} for the reserved type 0
 * @param packet the decoded packet, or {@code null} when decoding failed
 * @param fields the packet as scenario fields ({@link PacketView}); empty when decoding failed
 * @param hex the whole packet as hex
 * @param decodeError why the bytes could not be decoded, or {@code null}
 */
public record ReceivedPacket(MqttPacketType type, MqttPacket packet, Map<String, Object> fields, String hex,
        String decodeError) {

    /** The size of the whole packet on the wire, in bytes. */
    public int size() {
        int digits = 0;
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) >= 0) {
                digits++;
            }
        }
        return digits / 2;
    }

    /** Whether the packet was decoded. */
    public boolean decoded() {
        return packet != null;
    }

    /** {@code PUBLISH {qos=1, ...}} or {@code undecodable PUBLISH: reason}. */
    public String summary() {
        if (packet == null) {
            return "undecodable " + (type == null ? "packet" : type) + ": " + decodeError;
        }
        return type + " " + fields;
    }
}
