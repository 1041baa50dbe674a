package io.mqttharness.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stop signal for the real process: a JVM shutdown hook (run on Ctrl-C/SIGINT and SIGTERM) requests the
 * stop and then holds the JVM up until the command has closed the broker, so that the "stopped" line is
 * printed before the process exits. The hook never waits longer than {@link #MAX_STOP_WAIT_SECONDS}: the
 * JVM ignores further Ctrl-C while hooks run, so a broker that hangs while closing must not keep the
 * process alive for ever.
 */
final class ShutdownHookStopSignal implements StopSignal {

    static final long MAX_STOP_WAIT_SECONDS = 15;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;

    ShutdownHookStopSignal() {
        hook = new Thread(this::onShutdown, "mqtt-harness-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void onShutdown() {
        stopRequested.countDown();
        try {
            stopped.await(MAX_STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void awaitStopRequest() throws InterruptedException {
        stopRequested.await();
    }

    @Override
    public void close() {
        stopped.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // The hook is running (that is why we stopped); it returns now that `stopped` is counted down.
        }
    }
}
