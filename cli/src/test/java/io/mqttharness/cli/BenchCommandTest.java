package io.mqttharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.bench.BenchOptions;
import io.mqttharness.load.run.LoadScenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Option parsing of {@code mqtt-harness bench}; runs nothing. */
class BenchCommandTest {

    private static BenchOptions parse(String... args) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs(args);
        return command.options();
    }

    @Test
    void defaults_are_the_four_local_brokers_and_the_full_sequence() {
        BenchOptions o = parse();
        assertThat(o.brokers()).containsExactly("reference", "mosquitto", "hivemq-ce", "moquette");
        assertThat(o.quick()).isFalse();
        assertThat(o.rates()).containsExactly(1000, 2000, 4000, 8000);
        assertThat(o.qos()).containsExactly(0, 1);
        assertThat(o.workloads()).containsExactly(LoadScenario.SENSOR_FLEET, LoadScenario.FAN_IN);
        assertThat(o.mqttVersion()).isEqualTo("3.1.1");
        assertThat(o.certify()).isTrue();
        assertThat(o.certifyOnly()).isEmpty();
        assertThat(o.rounds()).isEqualTo(1);
        assertThat(o.interleave()).isFalse();
        assertThat(o.out().toString()).matches("target/bench/\\d{8}-\\d{6}");
    }

    @Test
    void quick_and_explicit_options_shape_the_sequence() {
        BenchOptions o = parse("--brokers", "reference, container:emqx/emqx:5.8", "--quick", "--out", "x/y",
                "--mqtt", "5", "--sensors", "7", "--rates", "4000,1000", "--qos", "1", "--ramp-connections", "33",
                "--workloads", "fan-out", "--step-seconds", "10", "--only", "ping,connect-*",
                "--mosquitto", "/opt/mosquitto", "--rounds", "3", "--interleave");
        assertThat(o.rounds()).isEqualTo(3);
        assertThat(o.interleave()).isTrue();
        assertThat(o.brokers()).containsExactly("reference", "container:emqx/emqx:5.8");
        assertThat(o.quick()).isTrue();
        assertThat(o.out()).isEqualTo(Path.of("x/y"));
        assertThat(o.mqttVersion()).isEqualTo("5");
        assertThat(o.sensors()).isEqualTo(7);
        assertThat(o.rates()).as("ascending").containsExactly(1000, 4000);
        assertThat(o.qos()).containsExactly(1);
        assertThat(o.rampConnections()).isEqualTo(33);
        assertThat(o.workloads()).containsExactly(LoadScenario.FAN_OUT);
        assertThat(o.stepDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.certifyOnly()).containsExactly("ping", "connect-*");
        assertThat(o.mosquittoBinary()).isEqualTo(Path.of("/opt/mosquitto"));
    }

    @Test
    void quick_defaults_are_short() {
        BenchOptions o = parse("--quick", "--no-certify");
        assertThat(o.rates()).containsExactly(500, 1000, 2000);
        assertThat(o.stepDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.rampConnections()).isEqualTo(200);
        assertThat(o.certify()).isFalse();
    }

    @Test
    void bad_options_exit_2_with_one_line_naming_the_option() {
        for (List<String> args : List.of(
                List.of("--brokers", "reference,rabbitmq"),
                List.of("--mqtt", "4.5"),
                List.of("--rates", "1000,0"),
                List.of("--qos", "3"),
                List.of("--sensors", "0"),
                List.of("--rounds", "0"),
                List.of("--workloads", "connection-storm"),
                List.of("--brokers", "container:"),
                List.of("--baselines", "/nonexistent/baselines"))) {
            String[] argv = new String[args.size() + 1];
            argv[0] = "bench";
            for (int i = 0; i < args.size(); i++) {
                argv[i + 1] = args.get(i);
            }
            CliRun run = CliRun.run(argv);
            assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
            assertThat(run.err).as(run.toString()).contains("Invalid value for option '" + args.get(0) + "'")
                    .doesNotContain("\tat ");
        }
        CliRun unknown = CliRun.run("bench", "--brokers", "rabbitmq");
        assertThat(unknown.err).contains("unknown broker 'rabbitmq'")
                .contains("reference, mosquitto, hivemq-ce, moquette, container:IMAGE");
    }
}
