package io.mqttharness.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The host's aggregate CPU times from the first line of /proc/stat, to tell how much CPU the hypervisor gave to
 * other guests while a step ran ({@code steal}). On a shared VM a few percent of steal means the broker and the load
 * generator were descheduled for milliseconds at a time, which shows in the latency tail of every broker alike;
 * the report discloses it so that a reader can tell a noisy run from a quiet one.
 */
final class HostCpu {
    /** Cumulative CPU times in clock ticks: steal and the sum of all columns. */
    record Snapshot(long steal, long total) {
    }

    private final Path stat;

    /** Reads {@code proc/stat}. */
    HostCpu(Path proc) {
        this.stat = proc.resolve("stat");
    }

    /** The host's times now, or null when /proc/stat cannot be read or has no steal column. */
    Snapshot snapshot() {
        try {
            List<String> lines = Files.readAllLines(stat);
            return lines.isEmpty() ? null : parse(lines.get(0));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Parses {@code cpu  user nice system idle iowait irq softirq steal [guest guest_nice]}. Guest time is already
     * counted in user and nice, so it is left out of the total.
     */
    static Snapshot parse(String line) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 9 || !f[0].equals("cpu")) {
            return null;
        }
        long total = 0;
        for (int i = 1; i <= 8; i++) {
            total += Long.parseLong(f[i]);
        }
        return new Snapshot(Long.parseLong(f[8]), total);
    }

    /** Steal as a percentage of all CPU time between two snapshots; null when either is missing or no time passed. */
    static Double stealPercent(Snapshot before, Snapshot after) {
        if (before == null || after == null || after.total() <= before.total()) {
            return null;
        }
        return 100.0 * (after.steal() - before.steal()) / (after.total() - before.total());
    }
}
