package io.mqttharness.cli;

import java.io.Writer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A writer that hands every completed line to a queue, so a test can await output of another thread. */
final class LineQueueWriter extends Writer {

    /** Queued after the last line once the writer is ended, so waiting readers wake up at once. */
    private static final String END = new String("<end>");

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder current = new StringBuilder();
    private final StringBuilder all = new StringBuilder();

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            all.append(c);
            if (c == '\n') {
                lines.add(current.toString().stripTrailing());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
    }

    /** The next complete line, or {@code null} after {@code timeoutSeconds} or once ended. */
    String nextLine(long timeoutSeconds) throws InterruptedException {
        String line = lines.poll(timeoutSeconds, TimeUnit.SECONDS);
        if (line == END) {
            lines.add(END);
            return null;
        }
        return line;
    }

    /** Marks that no more output will come (the command returned). */
    void end() {
        lines.add(END);
    }

    /** Everything written so far. */
    synchronized String text() {
        return all.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
