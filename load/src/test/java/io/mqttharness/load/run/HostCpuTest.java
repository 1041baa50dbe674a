package io.mqttharness.load.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostCpuTest {
    @TempDir
    Path proc;

    @Test
    void parse_sums_the_eight_time_columns_and_takes_steal() {
        // cpu, user 100, nice 0, system 50, idle 800, iowait 10, irq 0, softirq 20, steal 20, guest 7, guest_nice 0
        HostCpu.Snapshot s = HostCpu.parse("cpu  100 0 50 800 10 0 20 20 7 0");

        assertThat(s).isEqualTo(new HostCpu.Snapshot(20, 1000));
    }

    @Test
    void parse_refuses_a_line_that_is_not_the_aggregate_or_lacks_steal() {
        assertThat(HostCpu.parse("cpu0 100 0 50 800 10 0 20 20")).isNull();
        // kernels before 2.6.11 have no steal column
        assertThat(HostCpu.parse("cpu  100 0 50 800 10 0 20")).isNull();
    }

    @Test
    void steal_percent_is_the_share_of_all_cpu_time_between_two_snapshots() {
        Double percent = HostCpu.stealPercent(new HostCpu.Snapshot(20, 1000), new HostCpu.Snapshot(60, 3000));

        assertThat(percent).isCloseTo(2.0, within(1e-9));
        assertThat(HostCpu.stealPercent(null, new HostCpu.Snapshot(1, 2))).isNull();
        assertThat(HostCpu.stealPercent(new HostCpu.Snapshot(1, 2), new HostCpu.Snapshot(1, 2))).isNull();
    }

    @Test
    void snapshot_is_null_without_proc_stat() {
        assertThat(new HostCpu(proc.resolve("missing")).snapshot()).isNull();
    }

    @Test
    void snapshot_reads_the_aggregate_line_of_proc_stat() throws Exception {
        Files.writeString(proc.resolve("stat"), "cpu  100 0 50 800 10 0 20 20 0 0\ncpu0 1 2 3 4 5 6 7 8\n");

        assertThat(new HostCpu(proc).snapshot()).isEqualTo(new HostCpu.Snapshot(20, 1000));
    }
}
