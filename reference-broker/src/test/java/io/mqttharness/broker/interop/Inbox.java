package io.mqttharness.broker.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Messages that a client callback hands over from its own thread, taken one by one with a timeout.
 *
 * @param <T> what one received message is recorded as
 */
final class Inbox<T> {
    private final BlockingQueue<T> queue = new LinkedBlockingQueue<>();
    private final String name;

    Inbox(String name) {
        this.name = name;
    }

    void add(T item) {
        queue.add(item);
    }

    /** The next message; fails the test when none arrives within {@link InteropBrokers#TIMEOUT}. */
    T next() {
        return next(InteropBrokers.TIMEOUT);
    }

    T next(Duration timeout) {
        T item;
        try {
            item = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a message on " + name, e);
        }
        if (item == null) {
            throw new AssertionError(name + ": no message within " + timeout.toMillis() + " ms");
        }
        return item;
    }

    /** The next {@code count} messages, each within the timeout. */
    List<T> next(int count) {
        List<T> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(next());
        }
        return items;
    }

    /** Whatever has arrived so far, without waiting. */
    List<T> drain() {
        List<T> items = new ArrayList<>();
        queue.drainTo(items);
        return items;
    }

    int size() {
        return queue.size();
    }
}
