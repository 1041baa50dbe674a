package io.mqttharness.bench;

import java.io.PrintWriter;

/** Progress lines of a bench on the console: {@code [broker] what happened}, flushed at once. */
final class BenchConsole {
    private final PrintWriter out;

    BenchConsole(PrintWriter out) {
        this.out = out;
    }

    synchronized void line(String broker, String text) {
        out.println("[" + broker + "] " + text);
        out.flush();
    }

    synchronized void line(String text) {
        out.println("bench: " + text);
        out.flush();
    }
}
