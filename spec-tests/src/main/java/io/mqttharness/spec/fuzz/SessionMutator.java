package io.mqttharness.spec.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Mutates a session (a list of packets as wire bytes) the way broken or hostile clients do: bit flips, a field
 * replaced by a boundary value, a corrupted Remaining Length, a truncated packet, packets spliced in from other
 * sessions (the conformance scenarios' valid and malformed packets), duplicated, dropped or swapped.
 */
final class SessionMutator {
    private static final int[] INTERESTING_BYTES = {0x00, 0x01, 0x02, 0x03, 0x7F, 0x80, 0xC0, 0xFE, 0xFF};
    private static final int[] INTERESTING_SHORTS = {0x0000, 0x0001, 0x7FFF, 0x8000, 0xFFFF};

    private final Random random;
    private final List<byte[]> splicePool;

    /** @param splicePool packets to splice in; must not be empty */
    SessionMutator(Random random, List<byte[]> splicePool) {
        this.random = random;
        this.splicePool = List.copyOf(splicePool);
    }

    /** A mutated copy of {@code session} (1 to 4 mutations; the input is not changed). */
    List<byte[]> mutate(List<byte[]> session) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] p : session) {
            out.add(p.clone());
        }
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            mutateOnce(out);
            out.removeIf(p -> p.length == 0); // a packet truncated to nothing is no packet
        }
        return out;
    }

    private void mutateOnce(List<byte[]> packets) {
        if (packets.isEmpty()) {
            packets.add(pick(splicePool).clone());
            return;
        }
        // the CONNECT (index 0) is mutated less often, so that most sessions reach the connected state
        int index = packets.size() > 1 && random.nextInt(4) != 0 ? 1 + random.nextInt(packets.size() - 1) : 0;
        byte[] p = packets.get(index);
        switch (random.nextInt(9)) {
            case 0 -> p[random.nextInt(p.length)] ^= (byte) (1 << random.nextInt(8)); // bit flip
            case 1 -> p[random.nextInt(p.length)] = (byte) INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
            case 2 -> replaceShort(p);
            case 3 -> packets.set(index, corruptLength(p));
            case 4 -> packets.set(index, Arrays.copyOf(p, random.nextInt(p.length))); // truncation
            case 5 -> packets.add(index + (random.nextBoolean() ? 1 : 0), pick(splicePool).clone()); // splice
            case 6 -> packets.add(index, p.clone()); // duplicate
            case 7 -> packets.remove(index);
            default -> {
                int other = random.nextInt(packets.size());
                packets.set(index, packets.get(other));
                packets.set(other, p);
            }
        }
    }

    private void replaceShort(byte[] p) {
        if (p.length < 2) {
            return;
        }
        int at = random.nextInt(p.length - 1);
        int value = INTERESTING_SHORTS[random.nextInt(INTERESTING_SHORTS.length)];
        p[at] = (byte) (value >> 8);
        p[at + 1] = (byte) value;
    }

    /** The packet with its Remaining Length replaced by a wrong, huge, zero or non-minimal encoding. */
    private byte[] corruptLength(byte[] p) {
        int lengthBytes = 0;
        while (1 + lengthBytes < p.length && lengthBytes < 4 && (p[1 + lengthBytes] & 0x80) != 0) {
            lengthBytes++;
        }
        lengthBytes = Math.min(lengthBytes + 1, p.length - 1);
        byte[] body = Arrays.copyOfRange(p, 1 + lengthBytes, p.length);
        byte[] length = switch (random.nextInt(5)) {
            case 0 -> vbi(Math.max(0, body.length + random.nextInt(9) - 4));
            case 1 -> new byte[] {0};
            case 2 -> new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F}; // 268,435,455: the maximum
            case 3 -> new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01}; // five bytes: malformed
            default -> nonMinimal(body.length);
        };
        byte[] out = new byte[1 + length.length + body.length];
        out[0] = p[0];
        System.arraycopy(length, 0, out, 1, length.length);
        System.arraycopy(body, 0, out, 1 + length.length, body.length);
        return out;
    }

    private static byte[] vbi(int value) {
        byte[] out = new byte[4];
        int n = 0;
        do {
            int digit = value & 0x7F;
            value >>>= 7;
            out[n++] = (byte) (value > 0 ? digit | 0x80 : digit);
        } while (value > 0 && n < 4);
        return Arrays.copyOf(out, n);
    }

    private static byte[] nonMinimal(int value) {
        byte[] minimal = vbi(value);
        if (minimal.length == 4) {
            return minimal;
        }
        byte[] out = Arrays.copyOf(minimal, minimal.length + 1);
        out[minimal.length - 1] |= (byte) 0x80; // a continuation bit followed by a zero digit
        out[minimal.length] = 0;
        return out;
    }

    private byte[] pick(List<byte[]> list) {
        return list.get(random.nextInt(list.size()));
    }
}
