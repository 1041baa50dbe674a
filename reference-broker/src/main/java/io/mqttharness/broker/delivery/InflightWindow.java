package io.mqttharness.broker.delivery;

import io.netty.util.collection.IntObjectHashMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The outbound QoS 1/2 exchanges of one session that await an acknowledgement, by Packet Identifier. Lookups
 * take a primitive identifier (no boxing on the per-message path); the sending order, which a resumed session
 * must keep when it retransmits (MQTT-4.4.0-1), is kept as a sequence number per message and restored by
 * sorting, which only resumption and persistence need. Not thread safe: guarded by the owning session.
 */
public final class InflightWindow {
    private static final Comparator<InflightMessage> SENDING_ORDER = Comparator.comparingLong(InflightMessage::sequence);

    private final IntObjectHashMap<InflightMessage> byPacketId = new IntObjectHashMap<>(8);
    private long nextSequence;

    /** Adds an exchange after all present ones in sending order; replaces one with the same identifier. */
    public void put(InflightMessage message) {
        message.sequence(nextSequence++);
        byPacketId.put(message.packetId(), message);
    }

    /** The exchange with this identifier, or null. */
    public InflightMessage get(int packetId) {
        return byPacketId.get(packetId);
    }

    /** Removes and returns the exchange with this identifier, or null when there is none. */
    public InflightMessage remove(int packetId) {
        return byPacketId.remove(packetId);
    }

    public int size() {
        return byPacketId.size();
    }

    public void clear() {
        byPacketId.clear();
    }

    /** Every exchange, oldest first. */
    public List<InflightMessage> inSendingOrder() {
        List<InflightMessage> ordered = new ArrayList<>(byPacketId.values());
        ordered.sort(SENDING_ORDER);
        return ordered;
    }
}
