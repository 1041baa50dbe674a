package io.mqttharness.spec.fuzz;

import java.time.Duration;

/**
 * Pings the broker over the control connection every interval on its own thread and remembers the first failure
 * (no PINGRESP within the timeout, connection lost) and when the last good ping started, which bounds the window of
 * sessions that can have caused the failure.
 */
final class LivenessMonitor implements AutoCloseable {
    private final java.net.InetSocketAddress address;
    private final io.mqttharness.codec.MqttVersion version;
    private ControlConnection control;
    private final Duration interval;
    private final Duration timeout;
    private final Thread thread;
    private volatile String failure;
    private volatile long lastGoodPingStart = System.nanoTime();
    private volatile long failedPingStart = Long.MAX_VALUE;
    private volatile long pingInFlightSince;
    private volatile boolean stopped;

    /**
     * @param control the open control connection; replaced by a new one (to {@code address}) when a ping times out
     *        but a fresh connection answers, which is a slow moment, not a hang
     */
    LivenessMonitor(ControlConnection control, java.net.InetSocketAddress address,
            io.mqttharness.codec.MqttVersion version, Duration interval, Duration timeout) {
        this.control = control;
        this.address = address;
        this.version = version;
        this.interval = interval;
        this.timeout = timeout;
        this.thread = new Thread(this::run, "mqtt-harness-fuzz-ping");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The first failure, or null while the broker answers. */
    String failure() {
        return failure;
    }

    /** {@link System#nanoTime()} when the last answered PINGREQ was sent. */
    long lastGoodPingStart() {
        return lastGoodPingStart;
    }

    /** {@link System#nanoTime()} when the PINGREQ that got no answer was sent; {@code Long.MAX_VALUE} if none. */
    long failedPingStart() {
        return failedPingStart;
    }

    /** How long the current PINGREQ has waited for its answer, 0 when none is in flight. */
    long pingWaitNanos() {
        long since = pingInFlightSince;
        return since == 0 ? 0 : System.nanoTime() - since;
    }

    private void run() {
        try {
            while (!stopped) {
                Thread.sleep(interval.toMillis()); // the ping cadence itself, not a wait for an event
                long start = System.nanoTime();
                pingInFlightSince = start;
                String result = control.ping(timeout);
                if (result != null && !stopped) {
                    result = confirm(result);
                }
                pingInFlightSince = 0;
                if (stopped) {
                    return;
                }
                if (result != null) {
                    failedPingStart = start;
                    failure = result;
                    return;
                }
                lastGoodPingStart = start;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A second opinion on a fresh connection: null (and a new control connection) if the broker answers. */
    private String confirm(String failure) {
        try {
            ControlConnection fresh = ControlConnection.open(address, version, timeout);
            String again = fresh.ping(timeout);
            if (again == null) {
                control.close();
                control = fresh;
                return null;
            }
            fresh.close();
            return failure + "; a new connection got " + again;
        } catch (java.io.IOException e) {
            return failure + "; a new connection failed: " + e.getMessage();
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        control.close();
        try {
            thread.join(timeout.toMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
