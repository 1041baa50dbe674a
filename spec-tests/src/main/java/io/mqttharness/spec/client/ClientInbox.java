package io.mqttharness.spec.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Everything one connection received, in order, plus whether it is closed. Expectations read it through a
 * cursor ({@link #position()}) that can be reset, so that {@code one_of} can try one alternative after another
 * on the same packets. Fed by the Netty event loop, read by the scenario thread.
 */
public final class ClientInbox {
    /** Outcome of waiting for the next packet. */
    public enum Kind { PACKET, CLOSED, TIMEOUT }

    /** The next packet, or why there is none. */
    public record Next(Kind kind, ReceivedPacket packet) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<ReceivedPacket> packets = new ArrayList<>();
    private boolean closed;
    private int position;

    void add(ReceivedPacket packet) {
        lock.lock();
        try {
            packets.add(packet);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void markClosed() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the connection is closed (packets received before closing may still be unread). */
    public boolean closed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Index of the next unread packet. */
    public int position() {
        lock.lock();
        try {
            return position;
        } finally {
            lock.unlock();
        }
    }

    /** The most recent packet already read (before the cursor) that matches, or {@code null}. */
    public ReceivedPacket lastRead(java.util.function.Predicate<ReceivedPacket> filter) {
        lock.lock();
        try {
            for (int i = Math.min(position, packets.size()) - 1; i >= 0; i--) {
                if (filter.test(packets.get(i))) {
                    return packets.get(i);
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Moves the cursor, e.g. back to where an alternative started. */
    public void position(int newPosition) {
        lock.lock();
        try {
            position = newPosition;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the next unread packet and advances past it, waiting until {@code deadlineNanos}
     * ({@link System#nanoTime()} based). Returns CLOSED when everything is read and the connection is closed.
     */
    public Next next(long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (position < packets.size()) {
                    return new Next(Kind.PACKET, packets.get(position++));
                }
                if (closed) {
                    return new Next(Kind.CLOSED, null);
                }
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return new Next(Kind.TIMEOUT, null);
                }
                changed.await(left, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }
}
