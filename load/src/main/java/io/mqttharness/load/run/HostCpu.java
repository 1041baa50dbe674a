package io.mqttharness.load.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The host's aggregate CPU times from the first line of /proc/stat, to tell how much CPU the hypervisor gave to
 * other guests while a load run went on ({@code steal}): one sign of a busy shared host, whose stalls land in the
 * latency tail of whatever broker is being measured. {@link LoadResult#hostStealPercent()} carries it, and the bench
 * report discloses it.
 */
public final class HostCpu {
    /** Cumulative CPU times in clock ticks: steal and the sum of all columns. */
    public record Snapshot(long steal, long total) {
    }

    private final Path stat;

    /** Reads {@code proc/stat}. */
    public HostCpu(Path proc) {
        this.stat = proc.resolve("stat");
    }

    /** The real /proc/stat. */
    public static HostCpu system() {
        return new HostCpu(Path.of("/proc"));
    }

    /** The host's times now, or null when /proc/stat cannot be read or has no steal column. */
    public Snapshot snapshot() {
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
    public static Snapshot parse(String line) {
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
    public static Double stealPercent(Snapshot before, Snapshot after) {
        if (before == null || after == null || after.total() <= before.total()) {
            return null;
        }
        return 100.0 * (after.steal() - before.steal()) / (after.total() - before.total());
    }
}
