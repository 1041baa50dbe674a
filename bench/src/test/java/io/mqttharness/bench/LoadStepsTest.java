package io.mqttharness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.load.run.LoadResult;
import io.mqttharness.load.run.LoadScenario;
import io.mqttharness.reports.bench.BenchResults.RatePoint;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadStepsTest {
    @TempDir
    Path tmp;

    @Test
    void a_rate_step_records_the_host_steal_of_its_load_run() throws Exception {
        BenchOptions options = BenchOptions.defaults(true, tmp.resolve("out"))
                .withLoad("3.1.1", 10, List.of(1000), List.of(0), 50)
                .withWorkloads(List.of(LoadScenario.SENSOR_FLEET));
        LoadSteps steps = new LoadSteps(options, (request, progress) -> withSteal(
                BenchRunnerTest.result(request.offeredRate(), 2500), 4.5));

        RatePoint p = steps.rateStep(URI.create("tcp://127.0.0.1:1"), LoadScenario.SENSOR_FLEET, 0, 1000, 1, tmp,
                "b");

        assertThat(p.hostStealPercent()).isEqualTo(4.5);
        assertThat(p.p99Micros()).isEqualTo(2500);
    }

    private static LoadResult withSteal(LoadResult r, Double steal) {
        return new LoadResult(r.scenario(), r.target(), r.mqttVersion(), r.qos(), r.started(), r.elapsed(),
                r.offeredRate(), r.achievedRate(), r.messages(), r.overruns(), r.endToEnd(), r.requests(),
                r.connectionsReached(), r.injectorCpuSeconds(), r.gatlingReport(), r.histogramFile(), r.errors(),
                steal);
    }
}
