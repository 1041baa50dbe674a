package io.mqttharness.cli;

import io.mqttharness.spec.CertificationListener;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Progress of a certification on stderr. On a terminal a bar redrawn in place with the counts per verdict; elsewhere
 * (CI logs, files) one plain line at every tenth of the runs, so logs stay readable; or nothing at all.
 * Called from the engine's worker threads, hence synchronized.
 */
final class CertifyProgress implements CertificationListener, AutoCloseable {

    /** How progress is shown. */
    enum Mode {
        /** A bar on a terminal, plain lines elsewhere. */
        AUTO,
        /** A bar redrawn in place (needs a terminal that understands carriage return). */
        BAR,
        /** A line at every 10 %. */
        PLAIN,
        /** Nothing. */
        NONE
    }

    private static final int BAR_WIDTH = 20;

    private final PrintWriter err;
    private final Mode mode;
    private final int total;
    private final LongSupplier clockMillis;
    private final long startMillis;
    private final Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    private int done;
    private int lastTenth;

    CertifyProgress(PrintWriter err, Mode mode, int total, LongSupplier clockMillis) {
        this.err = err;
        this.mode = mode == Mode.AUTO ? detect() : mode;
        this.total = total;
        this.clockMillis = clockMillis;
        this.startMillis = clockMillis.getAsLong();
    }

    /** A bar when the JVM runs on an interactive terminal outside CI, plain lines otherwise. */
    static Mode detect() {
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        return terminal && System.getenv("CI") == null ? Mode.BAR : Mode.PLAIN;
    }

    Mode mode() {
        return mode;
    }

    /** Shows the starting line (plain mode) or an empty bar. */
    synchronized void start(String what) {
        switch (mode) {
            case BAR -> drawBar();
            case PLAIN -> {
                err.println("certify: " + what + ": " + total + " scenario runs");
                err.flush();
            }
            default -> { }
        }
    }

    @Override
    public synchronized void scenarioFinished(ScenarioResult result) {
        done++;
        counts.merge(result.verdict(), 1, Integer::sum);
        switch (mode) {
            case BAR -> drawBar();
            case PLAIN -> {
                int tenth = total == 0 ? 10 : done * 10 / total;
                if (tenth > lastTenth) {
                    lastTenth = tenth;
                    err.println("certify: " + line());
                    err.flush();
                }
            }
            default -> { }
        }
    }

    /** Ends the bar's line so that what follows starts on a fresh one. */
    @Override
    public synchronized void close() {
        if (mode == Mode.BAR) {
            drawBar();
            err.println();
            err.flush();
        }
    }

    private void drawBar() {
        int filled = total == 0 ? BAR_WIDTH : Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
        // \r returns to the start of the line, ESC[K clears what a longer previous line left behind
        // kept under 80 columns: a line that wraps cannot be redrawn in place
        long seconds = elapsedSeconds();
        err.print("\r[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + String.format(Locale.ROOT,
                "%d/%d  passed %d  failed %d  n/a %d  error %d  obs %d  %d:%02d", done, total, count(Verdict.PASSED),
                count(Verdict.FAILED), count(Verdict.NOT_APPLICABLE), count(Verdict.ERROR),
                count(Verdict.OBSERVATION), seconds / 60, seconds % 60) + "\u001b[K");
        err.flush();
    }

    private long elapsedSeconds() {
        return (clockMillis.getAsLong() - startMillis) / 1000;
    }

    private String line() {
        long seconds = elapsedSeconds();
        int percent = total == 0 ? 100 : done * 100 / total;
        return String.format(Locale.ROOT, "%d/%d (%d%%)  passed %d, failed %d, n/a %d, error %d, observation %d  "
                + "%d:%02d", done, total, percent, count(Verdict.PASSED), count(Verdict.FAILED),
                count(Verdict.NOT_APPLICABLE), count(Verdict.ERROR), count(Verdict.OBSERVATION), seconds / 60,
                seconds % 60);
    }

    private int count(Verdict v) {
        return counts.getOrDefault(v, 0);
    }
}
