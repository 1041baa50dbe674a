package io.mqttharness.spec.match;

import com.fasterxml.jackson.databind.JsonNode;
import io.mqttharness.codec.MqttPacketType;
import java.util.Iterator;
import java.util.Map;

/** Matches a received packet (type plus {@link io.mqttharness.spec.packet.PacketView} fields) against a scenario expectation. */
public final class PacketMatcher {
    private PacketMatcher() {
    }

    /**
     * @param expectedType the expected packet type, or {@code null} for any
     * @param expected expected fields (only these are checked)
     * @return {@code null} on a match, else what differs
     */
    public static String mismatch(MqttPacketType expectedType, JsonNode expected, MqttPacketType actualType,
            Map<String, Object> actual) {
        if (expectedType != null && expectedType != actualType) {
            return "expected " + expectedType + " but received " + actualType;
        }
        if (expected == null) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String m = ValueMatcher.mismatch(e.getKey(), e.getValue(), actual.get(e.getKey()));
            if (m != null) {
                return actualType + " " + m;
            }
        }
        return null;
    }
}
