package io.mqttharness.broker.delivery;

import java.util.BitSet;

/**
 * Packet Identifiers for QoS 1/2 PUBLISH sent by the server to one session. Identifiers are 1..65535, must be
 * unused while their exchange is in flight (MQTT-2.3.1-4 in 3.1.1, MQTT-2.2.1-4 in 5.0) and are handed out round
 * robin so that a just-released identifier is not reused at once (easier to follow in traces). Not thread safe:
 * owned by its {@code Session}, which guards it.
 */
public final class PacketIdAllocator {
    private static final int MAX = 65_535;
    /**
     * Created on first use: most sessions of a device fleet only publish and never need an identifier, and
     * 8 KiB each would add up to tens of megabytes of old-generation heap for 10,000 devices.
     */
    private BitSet inUse;
    private int last;
    private int used;

    /** The next free identifier, or -1 when all 65535 are in use. */
    public int allocate() {
        if (used == MAX) {
            return -1;
        }
        BitSet inUse = bits();
        int candidate = last;
        do {
            candidate = candidate == MAX ? 1 : candidate + 1;
        } while (inUse.get(candidate));
        inUse.set(candidate);
        used++;
        last = candidate;
        return candidate;
    }

    /** Marks an identifier as used (when restoring state); returns false if it already was. */
    public boolean claim(int id) {
        BitSet inUse = bits();
        if (inUse.get(id)) {
            return false;
        }
        inUse.set(id);
        used++;
        return true;
    }

    /** Frees an identifier; freeing an unused one is a no-op. */
    public void release(int id) {
        if (isInUse(id)) {
            inUse.clear(id);
            used--;
        }
    }

    public boolean isInUse(int id) {
        return inUse != null && id > 0 && id <= MAX && inUse.get(id);
    }

    public int inUseCount() {
        return used;
    }

    private BitSet bits() {
        if (inUse == null) {
            inUse = new BitSet(MAX + 1);
        }
        return inUse;
    }
}
