package io.mqttharness.broker.sys;

import java.util.concurrent.atomic.LongAdder;

/**
 * Broker-wide counters behind the {@code $SYS/broker/...} topics. {@link LongAdder} because every event loop
 * increments them on its hot path and they are read only every {@code sys_interval} seconds.
 */
public final class BrokerStats {
    private final long startNanos = System.nanoTime();
    private final LongAdder connectedClients = new LongAdder();
    private final LongAdder messagesReceived = new LongAdder();
    private final LongAdder messagesSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder messagesDropped = new LongAdder();
    private final LongAdder queuedMessages = new LongAdder();
    private final LongAdder queuedBytes = new LongAdder();

    public void clientConnected() { connectedClients.increment(); }
    public void clientDisconnected() { connectedClients.decrement(); }
    public void packetReceived() { messagesReceived.increment(); }
    public void packetSent() { messagesSent.increment(); }
    public void bytesReceived(long n) { bytesReceived.add(n); }
    public void bytesSent(long n) { bytesSent.add(n); }
    public void messageDropped() { messagesDropped.increment(); }
    /** A message entered (+1) or left (-1) a session queue. */
    public void queued(int delta) { queuedMessages.add(delta); }
    /** Payload bytes entered (+) or left (-) a session queue. */
    public void queuedBytes(long delta) { queuedBytes.add(delta); }

    public long connectedClients() { return connectedClients.sum(); }
    public long messagesReceived() { return messagesReceived.sum(); }
    public long messagesSent() { return messagesSent.sum(); }
    public long bytesReceived() { return bytesReceived.sum(); }
    public long bytesSent() { return bytesSent.sum(); }
    public long messagesDropped() { return messagesDropped.sum(); }
    public long queuedMessages() { return queuedMessages.sum(); }
    public long queuedBytes() { return queuedBytes.sum(); }

    /** Whole seconds since the broker started. */
    public long uptimeSeconds() {
        return (System.nanoTime() - startNanos) / 1_000_000_000L;
    }
}
