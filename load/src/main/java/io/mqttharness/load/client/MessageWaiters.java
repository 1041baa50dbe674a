package io.mqttharness.load.client;

import io.mqttharness.codec.packet.MqttPublish;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Actions waiting for messages on one connection ({@code expectMessages}): each waits for a number of received
 * messages matching its filter, checks each with its check, and fails on the first failed check or at its
 * timeout. Messages received while nobody waits are not buffered: a wait counts from the moment it starts.
 * Only the connection's event loop touches it.
 */
public final class MessageWaiters {
    /** Outcome of one wait. */
    public interface Outcome {
        void done(List<MqttPublish> matched);

        void failed(String message, List<MqttPublish> matched);
    }

    private final EventLoop loop;
    private final List<Waiter> waiters = new ArrayList<>();

    MessageWaiters(EventLoop loop) {
        this.loop = loop;
    }

    void await(int count, Predicate<MqttPublish> filter, Predicate<MqttPublish> check, String checkDescription,
            long timeoutMillis, Outcome outcome) {
        Waiter waiter = new Waiter(count, filter, check, checkDescription, outcome);
        waiter.timeout = loop.schedule(() -> {
            if (waiters.remove(waiter)) {
                outcome.failed("timeout: " + waiter.matched.size() + " of " + count + " expected messages within "
                        + timeoutMillis + " ms", waiter.matched);
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        waiters.add(waiter);
    }

    void onMessage(MqttPublish publish) {
        if (waiters.isEmpty()) {
            return;
        }
        for (Waiter waiter : new ArrayList<>(waiters)) {
            if (!waiter.filter.test(publish)) {
                continue;
            }
            waiter.matched.add(publish);
            if (!waiter.check.test(publish)) {
                finish(waiter);
                waiter.outcome.failed("check failed (" + waiter.checkDescription + ") on message "
                        + waiter.matched.size() + " to '" + publish.topic() + "'", waiter.matched);
            } else if (waiter.matched.size() >= waiter.count) {
                finish(waiter);
                waiter.outcome.done(waiter.matched);
            }
        }
    }

    void failAll(String message) {
        List<Waiter> all = new ArrayList<>(waiters);
        waiters.clear();
        for (Waiter waiter : all) {
            waiter.timeout.cancel(false);
            waiter.outcome.failed(message + " while waiting for messages", waiter.matched);
        }
    }

    private void finish(Waiter waiter) {
        waiters.remove(waiter);
        waiter.timeout.cancel(false);
    }

    private static final class Waiter {
        final int count;
        final Predicate<MqttPublish> filter;
        final Predicate<MqttPublish> check;
        final String checkDescription;
        final Outcome outcome;
        final List<MqttPublish> matched = new ArrayList<>();
        ScheduledFuture<?> timeout;

        Waiter(int count, Predicate<MqttPublish> filter, Predicate<MqttPublish> check, String checkDescription,
                Outcome outcome) {
            this.count = count;
            this.filter = filter;
            this.check = check;
            this.checkDescription = checkDescription;
            this.outcome = outcome;
        }
    }
}
