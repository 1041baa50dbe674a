package io.mqttharness.bench;

import io.mqttharness.reports.bench.BenchResults.ResourceSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Samples one process from Linux's /proc about once a second: CPU use since the previous sample (percent of one
 * core, from utime + stime in /proc/PID/stat), resident set size and thread count (/proc/PID/status) and open file
 * descriptors (entries of /proc/PID/fd), each labelled with the phase the bench is in. The process may change
 * (a broker restarted) without losing the samples so far. Samples that cannot be read (process gone, no /proc) are
 * left out.
 */
public final class ProcSampler implements AutoCloseable {
    private static final long CLOCK_TICKS_PER_SECOND = clockTicks();

    private final Path proc;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final List<ResourceSample> samples = new ArrayList<>();
    private ScheduledExecutorService timer;
    private long pid = -1;
    private String phase = "idle";
    private long lastCpuTicks = -1;
    private long lastNanos;

    /** A sampler of the real /proc; elapsed times count from now. */
    public ProcSampler() {
        this(Path.of("/proc"), System::nanoTime);
    }

    ProcSampler(Path proc, LongSupplier nanoClock) {
        this.proc = proc;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    /** Samples {@code pid} from now on ({@code -1}: nothing to sample, e.g. a container of a remote engine). */
    public synchronized void follow(long newPid) {
        pid = newPid;
        lastCpuTicks = -1;
    }

    /** The label of the samples taken from now on. */
    public synchronized void phase(String label) {
        phase = label;
    }

    /** Starts sampling every {@code periodMillis} on a daemon thread, taking one sample at once. */
    public synchronized void start(long periodMillis) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mqtt-harness-proc-sampler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::sample, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Takes one sample now; returns it, or null when the process cannot be read. */
    public synchronized ResourceSample sample() {
        if (pid <= 0) {
            return null;
        }
        Path dir = proc.resolve(Long.toString(pid));
        try {
            long now = nanoClock.getAsLong();
            long ticks = cpuTicks(Files.readString(dir.resolve("stat"), StandardCharsets.US_ASCII));
            String status = Files.readString(dir.resolve("status"), StandardCharsets.US_ASCII);
            long rss = statusField(status, "VmRSS:") * 1024;
            int threads = (int) statusField(status, "Threads:");
            int fds = countEntries(dir.resolve("fd"));
            double cpu = 0;
            if (lastCpuTicks >= 0 && now > lastNanos) {
                double cpuSeconds = (ticks - lastCpuTicks) / (double) CLOCK_TICKS_PER_SECOND;
                cpu = Math.round(cpuSeconds / ((now - lastNanos) / 1e9) * 1000) / 10.0;
            }
            lastCpuTicks = ticks;
            lastNanos = now;
            ResourceSample s = new ResourceSample((now - startNanos) / 1_000_000, phase, cpu, rss, threads, fds);
            samples.add(s);
            return s;
        } catch (IOException | RuntimeException e) {
            // the process is gone or /proc is not there: no sample
            return null;
        }
    }

    /** The samples so far, oldest first. */
    public synchronized List<ResourceSample> samples() {
        return List.copyOf(samples);
    }

    /** Stops the timer; the samples stay readable. */
    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = timer;
            timer = null;
        }
        if (t != null) {
            t.shutdownNow();
            try {
                t.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * utime + stime (fields 14 and 15) of /proc/PID/stat; counted after the command name, which is in parentheses
     * and may itself contain spaces and parentheses.
     */
    static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is field 3 (state), so field n is fields[n - 3]
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The number of a line {@code Key:   123 kB} of /proc/PID/status. */
    static long statusField(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalArgumentException("no " + key + " in /proc status");
    }

    private static int countEntries(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return (int) entries.count();
        }
    }

    /** USER_HZ: {@code getconf CLK_TCK}, 100 on every common Linux when that cannot be run. */
    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            p.waitFor(2, TimeUnit.SECONDS);
            long value = Long.parseLong(out);
            return value > 0 ? value : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
