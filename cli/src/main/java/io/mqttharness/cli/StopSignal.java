package io.mqttharness.cli;

/**
 * Tells a long-running command (the broker) when to stop, and lets it report that it has stopped. Armed
 * from construction until {@link #close()}.
 */
public interface StopSignal extends AutoCloseable {

    /** Blocks until someone asks the command to stop. */
    void awaitStopRequest() throws InterruptedException;

    /** Reports that the command has finished stopping and disarms the signal. */
    @Override
    void close();
}
