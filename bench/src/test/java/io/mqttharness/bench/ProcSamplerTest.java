package io.mqttharness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.reports.bench.BenchResults.ResourceSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ProcSamplerTest {

    @BeforeAll
    static void linuxProc() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
    }

    @Test
    void samples_this_jvm_with_cpu_rss_threads_and_open_files() {
        long pid = ProcessHandle.current().pid();
        try (ProcSampler sampler = new ProcSampler()) {
            sampler.follow(pid);
            sampler.phase("warm-up");
            ResourceSample first = sampler.sample();
            burnCpu(300);
            sampler.phase("busy");
            ResourceSample second = sampler.sample();

            assertThat(first).isNotNull();
            assertThat(first.cpuPercent()).as("no previous sample, no rate").isZero();
            assertThat(first.phase()).isEqualTo("warm-up");
            assertThat(second.phase()).isEqualTo("busy");
            assertThat(second.cpuPercent()).as("a core was busy for most of the interval").isGreaterThan(30.0);
            assertThat(second.rssBytes()).isGreaterThan(10L * 1024 * 1024)
                    .isLessThan(Runtime.getRuntime().maxMemory() + 2L * 1024 * 1024 * 1024);
            assertThat(second.threads()).isGreaterThanOrEqualTo(Thread.activeCount());
            assertThat(second.openFiles()).isGreaterThanOrEqualTo(3);
            assertThat(second.elapsedMillis()).isGreaterThanOrEqualTo(first.elapsedMillis() + 250);
            assertThat(sampler.samples()).containsExactly(first, second);
        }
    }

    @Test
    @Timeout(10)
    void timer_samples_about_once_per_period_under_the_current_phase() throws Exception {
        try (ProcSampler sampler = new ProcSampler()) {
            sampler.follow(ProcessHandle.current().pid());
            sampler.phase("timer");
            sampler.start(100);
            org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> sampler.samples().size() >= 3);
            assertThat(sampler.samples()).extracting(ResourceSample::phase).containsOnly("timer");
        }
    }

    @Test
    void gone_or_unknown_process_gives_no_sample() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor(5, TimeUnit.SECONDS);
        try (ProcSampler sampler = new ProcSampler()) {
            sampler.follow(p.pid());
            assertThat(sampler.sample()).isNull();
            sampler.follow(-1);
            assertThat(sampler.sample()).isNull();
            assertThat(sampler.samples()).isEmpty();
        }
    }

    @Test
    void stat_fields_are_counted_after_a_command_name_with_spaces_and_parentheses() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 30 0 12345 0 0";
        assertThat(ProcSampler.cpuTicks(stat)).isEqualTo(300);
        assertThat(ProcSampler.statusField("Name:\tjava\nVmRSS:\t  123456 kB\nThreads:\t31\n", "VmRSS:"))
                .isEqualTo(123456);
    }

    private static void burnCpu(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        long x = 0;
        while (System.nanoTime() < end) {
            x += Long.numberOfTrailingZeros(x + System.nanoTime());
        }
        if (x == 42) {
            System.out.print("");
        }
    }
}
