package io.mqttharness.spec.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.codec.MqttHex;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.scenario.Scenario;
import io.mqttharness.spec.scenario.ScenarioLoader;
import io.mqttharness.spec.scenario.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FuzzerTest {
    private static final Duration SHORT_PING_TIMEOUT = Duration.ofMillis(700);
    private final List<String> progress = new ArrayList<>();

    @TempDir
    Path out;

    @Test
    void fuzzing_the_reference_broker_finds_nothing_and_counts_executions() throws Exception {
        try (MqttBroker broker = MqttBroker.startLoopback()) {
            FuzzTarget target = new FuzzTarget() {
                @Override
                public InetSocketAddress address() {
                    return new InetSocketAddress("127.0.0.1", broker.port());
                }

                @Override
                public String describe() {
                    return "reference broker";
                }
            };
            FuzzResult result = new Fuzzer(target, options(MqttVersion.MQTT_5, Duration.ofSeconds(3),
                    FuzzOptions.DEFAULT_PING_TIMEOUT), progress::add).run();

            assertThat(result.findings()).isEmpty();
            assertThat(result.executions()).isGreaterThan(20);
            assertThat(result.connections()).isEqualTo(result.executions());
            assertThat(result.executionsPerSecond()).isPositive();
            assertThat(progress).last().asString().contains(String.format("%,d executions", result.executions()))
                    .contains("0 finding(s)");
        }
    }

    @Test
    void a_hang_is_detected_and_minimised_to_one_session_on_a_restartable_target() throws Exception {
        try (RestartableStub target = new RestartableStub()) {
            FuzzResult result = new Fuzzer(target, options(MqttVersion.MQTT_3_1_1, Duration.ofSeconds(60),
                    SHORT_PING_TIMEOUT), progress::add).run();

            assertThat(result.findings()).hasSize(1);
            FuzzFinding finding = result.findings().get(0);
            assertThat(finding.reason()).contains("no PINGRESP");
            assertThat(finding.minimizedVerified()).isTrue();
            List<List<byte[]>> minimalSessions = rawSessions(finding.minimizedReproducer());
            List<byte[]> minimal = minimalSessions.stream().flatMap(List::stream).toList();
            List<byte[]> full = rawSessions(finding.fullReproducer()).stream().flatMap(List::stream).toList();
            String context = progress + "\n" + Files.readString(finding.minimizedReproducer());
            assertThat(minimal.size()).as(context).isEqualTo(finding.minimizedPackets()).isLessThan(full.size());
            assertThat(minimalSessions).as(context).hasSize(1); // the stub hangs on what one connection sends
            // the killer byte is in there (at a packet start, or where the stub's framing lands after a corrupted
            // Remaining Length, as in "10 12 ..." with a CONNECT two bytes longer), and the minimal sequence on its
            // own hangs a fresh stub
            assertThat(minimal).anyMatch(FuzzerTest::containsKillerHeader);
            try (PingHangingStubBroker fresh = new PingHangingStubBroker()) {
                for (List<byte[]> session : minimalSessions) {
                    SessionSender.send(fresh.address(), session);
                }
                // the stub sets the flag while reading what SessionSender wrote; give its thread a bounded moment
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (!fresh.hung() && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                assertThat(fresh.hung()).isTrue();
            }
        }
    }

    @Test
    void an_unreachable_target_is_reported_before_fuzzing() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        FuzzTarget target = new FuzzTarget() {
            @Override
            public InetSocketAddress address() {
                return new InetSocketAddress("127.0.0.1", closedPort);
            }

            @Override
            public String describe() {
                return "tcp://127.0.0.1:" + closedPort;
            }
        };
        assertThatThrownBy(() -> new Fuzzer(target, options(MqttVersion.MQTT_5, Duration.ofSeconds(1),
                SHORT_PING_TIMEOUT), progress::add).run())
                .isInstanceOf(FuzzTargetUnreachableException.class)
                .hasMessageContaining("cannot connect to tcp://127.0.0.1:" + closedPort);
    }

    private static boolean containsKillerHeader(byte[] packet) {
        for (byte b : packet) {
            if ((b & 0xFF) == PingHangingStubBroker.KILLER_HEADER) {
                return true;
            }
        }
        return false;
    }

    private FuzzOptions options(MqttVersion version, Duration duration, Duration pingTimeout) {
        return new FuzzOptions(version, duration, 42, out, Duration.ofMillis(200), pingTimeout);
    }

    /**
     * The raw packets of a reproducer per client (session), loaded the way certify loads it (which also checks
     * that it parses).
     */
    static List<List<byte[]>> rawSessions(Path reproducer) {
        List<Scenario> scenarios = ScenarioLoader.load(false, List.of(reproducer.getParent()));
        String id = reproducer.getFileName().toString().replace(".yaml", "");
        Scenario scenario = scenarios.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
        java.util.Map<String, List<byte[]>> sessions = new java.util.LinkedHashMap<>();
        for (Step step : scenario.steps()) {
            if (step instanceof Step.Send send && send.rawHex() != null) {
                sessions.computeIfAbsent(send.client(), c -> new ArrayList<>()).add(MqttHex.parse(send.rawHex()));
            }
        }
        return new ArrayList<>(sessions.values());
    }

    /** The stub as a restartable target: a restart is a fresh stub on a new port. */
    private static final class RestartableStub implements FuzzTarget {
        private PingHangingStubBroker stub = start();

        private static PingHangingStubBroker start() {
            try {
                return new PingHangingStubBroker();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public InetSocketAddress address() {
            return stub.address();
        }

        @Override
        public String describe() {
            return "stub";
        }

        @Override
        public boolean restartable() {
            return true;
        }

        @Override
        public void restart() {
            close();
            stub = start();
        }

        @Override
        public void close() {
            try {
                stub.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
