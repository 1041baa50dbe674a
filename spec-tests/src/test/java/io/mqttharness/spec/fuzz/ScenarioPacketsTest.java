package io.mqttharness.spec.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.MqttVersion;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioPacketsTest {

    @Test
    void built_in_scenarios_give_sessions_with_their_raw_and_structured_packets() {
        List<ScenarioPackets.Session> sessions = ScenarioPackets.builtIn(MqttVersion.MQTT_3_1_1);

        assertThat(sessions).hasSizeGreaterThan(50);
        assertThat(sessions).allSatisfy(s -> assertThat(s.packets()).isNotEmpty());
        // most sessions begin with the CONNECT of their 'connect' step
        assertThat(sessions.stream().filter(s -> s.packets().get(0)[0] == 0x10).count())
                .isGreaterThan(sessions.size() / 2);
        // the malformed scenarios' raw hex is there too: a SUBSCRIBE with reserved QoS bits
        ScenarioPackets.Session malformed = sessions.stream()
                .filter(s -> s.scenarioId().equals("subscribe-qos-reserved-bits")).findFirst().orElseThrow();
        assertThat(malformed.stream().length).isEqualTo(malformed.packets().stream().mapToInt(p -> p.length).sum());
    }

    static boolean sameBytes(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
