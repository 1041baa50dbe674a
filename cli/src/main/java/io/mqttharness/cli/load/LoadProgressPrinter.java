package io.mqttharness.cli.load;

import io.mqttharness.load.run.LoadProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Live progress of a load run on stderr, once a second: on a terminal one line redrawn in place, elsewhere (CI,
 * redirected output) one plain line per second; or nothing.
 */
final class LoadProgressPrinter implements LoadProgressListener, AutoCloseable {
    /** How progress is shown. */
    enum Mode { AUTO, BAR, PLAIN, NONE }

    private final PrintWriter err;
    private final Mode mode;
    private long lastPublished;
    private double lastElapsed;
    private boolean drawn;

    LoadProgressPrinter(PrintWriter err, Mode mode) {
        this.err = err;
        this.mode = mode == Mode.AUTO ? detect() : mode;
    }

    static Mode detect() {
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        return terminal && System.getenv("CI") == null ? Mode.BAR : Mode.PLAIN;
    }

    @Override
    public synchronized void onProgress(LoadProgress p) {
        if (mode == Mode.NONE) {
            return;
        }
        String line = line(p);
        if (mode == Mode.BAR) {
            // \r returns to the line start, ESC[K clears what a longer previous line left behind
            err.print("\r" + line + "\u001b[K");
            drawn = true;
        } else {
            err.println("load: " + line);
        }
        err.flush();
    }

    String line(LoadProgress p) {
        double seconds = p.elapsedSeconds() - lastElapsed;
        double rate = seconds > 0 ? (p.published() - lastPublished) / seconds : 0;
        lastPublished = p.published();
        lastElapsed = p.elapsedSeconds();
        int percent = p.plannedSeconds() <= 0 ? 100
                : (int) Math.min(100, p.elapsedSeconds() * 100 / p.plannedSeconds());
        return String.format(Locale.ROOT, "%3d%% %4.0fs/%.0fs  conn %d  pub %d (%.0f/s)  recv %d  ko %d  p99 %s",
                percent, p.elapsedSeconds(), p.plannedSeconds(), p.connected(), p.published(), rate, p.received(),
                p.ko(), micros(p.currentP99Micros()));
    }

    static String micros(long micros) {
        return micros >= 10_000 ? String.format(Locale.ROOT, "%.1f ms", micros / 1000.0)
                : micros + " us";
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }
}
