package io.mqttharness.broker.connection;

import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayDeque;

/**
 * Deliveries to connections of the same event loop, made while one connection's read is being handled, are flushed
 * when that read ends ({@code channelReadComplete}) instead of after the event loop's whole I/O batch.
 *
 * <p>Why: a flush task handed to the event loop with {@code execute} runs only after every channel that was ready
 * in this round has been read. When the machine is busy, hundreds of publishers are ready at once and a message
 * that arrived on the first of them waits for all the others before it is written to its subscriber: that wait
 * was the reference broker's p99 at moderate rates (p90 below mosquitto's, p99 twice it). Flushing at the end of
 * the publisher's read keeps the batching of one read (many PUBLISH packets of one client, one flush per
 * subscriber) and drops the wait for the other channels.
 *
 * <p>One instance per event loop thread; only touched on that thread. A first deferred flush also schedules a
 * fallback task, so that a read whose {@code channelReadComplete} never reaches the connection handler still gets
 * its deliveries flushed, at the latest when the I/O batch ends as before.
 */
final class ReadBatchFlushes {
    private static final FastThreadLocal<ReadBatchFlushes> CURRENT = new FastThreadLocal<>() {
        @Override
        protected ReadBatchFlushes initialValue() {
            return new ReadBatchFlushes();
        }
    };

    private final ArrayDeque<MqttConnection> pending = new ArrayDeque<>();
    private boolean reading;

    private ReadBatchFlushes() {
    }

    /** The instance of the calling event loop thread. */
    static ReadBatchFlushes current() {
        return CURRENT.get();
    }

    /** A connection's read is being handled on this thread. */
    void reading() {
        reading = true;
    }

    /**
     * Takes over the flush of {@code connection}, a connection of this event loop, when a read is being handled.
     *
     * @return false when no read is in progress: the caller schedules the flush itself
     */
    boolean defer(MqttConnection connection) {
        if (!reading) {
            return false;
        }
        if (pending.isEmpty()) {
            connection.channel().eventLoop().execute(this::readComplete);
        }
        pending.add(connection);
        return true;
    }

    /** The read ended (or the fallback task runs): flushes every deferred connection. */
    void readComplete() {
        reading = false;
        MqttConnection c;
        while ((c = pending.poll()) != null) {
            c.runFlush();
        }
    }
}
