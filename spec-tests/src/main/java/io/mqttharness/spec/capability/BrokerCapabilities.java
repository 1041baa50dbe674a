package io.mqttharness.spec.capability;

import io.mqttharness.codec.MqttVersion;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a broker supports under one protocol version, and where each answer came from.
 *
 * @param version the protocol version probed
 * @param accepted whether the broker accepted a CONNECT of this version at all
 * @param refusal why it did not (CONNACK reason or closed connection), or {@code null}
 * @param flags capability name to present/absent ({@link Capability})
 * @param sources capability name to how it was determined: {@code connack}, {@code default}, {@code profile}
 * @param limits numeric limits from the CONNACK: receive_maximum, maximum_packet_size, topic_alias_maximum,
 *        maximum_qos, server_keep_alive (only those the broker sent)
 */
public record BrokerCapabilities(MqttVersion version, boolean accepted, String refusal, Map<String, Boolean> flags,
        Map<String, String> sources, Map<String, Long> limits) {

    public BrokerCapabilities {
        flags = Map.copyOf(flags);
        sources = Map.copyOf(sources);
        limits = Map.copyOf(limits);
    }

    /** Whether the broker has a capability (unknown capabilities are absent). */
    public boolean has(String capability) {
        return flags.getOrDefault(capability, false);
    }

    /** Flags sorted by name, for reports. */
    public Map<String, Boolean> sortedFlags() {
        return new TreeMap<>(flags);
    }
}
