package io.mqttharness.load.simulation;

import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;

import io.gatling.javaapi.core.ChainBuilder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A point several virtual users must pass before others go on, e.g. "every dashboard has subscribed" before
 * sensors publish, or "every sensor has finished" before dashboards check delivery. Fixed head starts are not
 * enough: on a busy machine a subscribe can take longer than the head start, and the first messages would then
 * count as lost. Waiting is a polling pause (never blocks an event loop) with a deadline, so a user that never
 * arrives (its connect failed) delays the others but cannot hang the run.
 */
final class Rendezvous {
    private static final Duration POLL = Duration.ofMillis(50);

    private final AtomicInteger remaining;

    Rendezvous(int parties) {
        this.remaining = new AtomicInteger(parties);
    }

    /** A step that counts the user as arrived (runs whether or not the user's previous requests failed). */
    ChainBuilder arrive() {
        return exec(session -> {
            remaining.decrementAndGet();
            return session;
        });
    }

    /** A step that waits until everyone arrived, at most {@code deadline}. */
    ChainBuilder await(Duration deadline) {
        return exec(asLongAsDuring(session -> remaining.get() > 0, deadline).on(pause(POLL)));
    }
}
