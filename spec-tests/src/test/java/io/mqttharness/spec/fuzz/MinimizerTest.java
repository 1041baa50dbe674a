package io.mqttharness.spec.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinimizerTest {
    private static final byte[] KILLER = {0x36, 0x00};

    @Test
    void minimize_finds_the_one_packet_that_fails_among_many_sessions() {
        List<List<byte[]>> sessions = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            List<byte[]> session = new ArrayList<>();
            for (int p = 0; p < 6; p++) {
                session.add(new byte[] {0x30, (byte) s, (byte) p});
            }
            if (s == 27) {
                session.add(3, KILLER);
            }
            sessions.add(session);
        }
        Minimizer minimizer = new Minimizer(candidate -> candidate.stream().flatMap(List::stream)
                .anyMatch(p -> p == KILLER), 100);

        List<List<byte[]>> minimal = minimizer.minimize(sessions);

        assertThat(minimal).hasSize(1);
        assertThat(minimal.get(0)).containsExactly(KILLER);
        assertThat(minimizer.checks()).isLessThan(40); // sessions first: far fewer checks than packets
    }

    @Test
    void minimize_keeps_two_packets_that_only_fail_together_in_their_sessions() {
        byte[] first = {0x10};
        byte[] second = {0x20};
        List<List<byte[]>> sessions = List.of(
                List.of(new byte[] {1}, first, new byte[] {2}),
                List.of(new byte[] {3}),
                List.of(new byte[] {4}, second));
        Minimizer minimizer = new Minimizer(candidate -> {
            List<byte[]> all = candidate.stream().flatMap(List::stream).toList();
            return all.contains(first) && all.contains(second);
        }, 100);

        List<List<byte[]>> minimal = minimizer.minimize(sessions);

        assertThat(minimal).hasSize(2);
        assertThat(minimal.get(0)).containsExactly(first);
        assertThat(minimal.get(1)).containsExactly(second);
    }

    @Test
    void minimize_stops_at_the_check_cap_with_a_failing_sequence() {
        List<List<byte[]>> sessions = List.of(List.of(new byte[] {1}, KILLER, new byte[] {2}, new byte[] {3}));
        Minimizer minimizer = new Minimizer(candidate -> candidate.stream().flatMap(List::stream)
                .anyMatch(p -> p == KILLER), 1);

        List<List<byte[]>> result = minimizer.minimize(sessions);

        assertThat(minimizer.checks()).isEqualTo(1);
        assertThat(result.stream().flatMap(List::stream)).contains(KILLER);
    }
}
