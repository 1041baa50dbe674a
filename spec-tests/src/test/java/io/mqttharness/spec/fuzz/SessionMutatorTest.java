package io.mqttharness.spec.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.MqttVersion;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SessionMutatorTest {

    @Test
    void templates_start_with_connect_and_the_same_seed_gives_the_same_mutations() {
        List<byte[]> pool = ScenarioPackets.builtIn(MqttVersion.MQTT_5).stream()
                .flatMap(s -> s.packets().stream()).toList();
        for (int round = 0; round < 200; round++) {
            Random a = new Random(round);
            Random b = new Random(round);
            List<byte[]> templateA = SessionTemplates.session(MqttVersion.MQTT_5, a);
            List<byte[]> templateB = SessionTemplates.session(MqttVersion.MQTT_5, b);
            assertThat(templateA.get(0)[0]).isEqualTo((byte) 0x10); // CONNECT
            List<byte[]> mutatedA = new SessionMutator(a, pool).mutate(templateA);
            List<byte[]> mutatedB = new SessionMutator(b, pool).mutate(templateB);
            assertThat(ScenarioPacketsTest.sameBytes(mutatedA, mutatedB)).isTrue();
            assertThat(mutatedA).allSatisfy(p -> assertThat(p).isNotEmpty());
        }
    }

    @Test
    void mutations_change_the_session() {
        Random random = new Random(1);
        List<byte[]> pool = List.of(new byte[] {(byte) 0xC0, 0});
        int changed = 0;
        for (int i = 0; i < 100; i++) {
            List<byte[]> template = SessionTemplates.session(MqttVersion.MQTT_3_1_1, random);
            List<byte[]> mutated = new SessionMutator(random, pool).mutate(template);
            if (!ScenarioPacketsTest.sameBytes(template, mutated)) {
                changed++;
            }
        }
        assertThat(changed).isGreaterThan(90); // a swap of two equal packets is the rare no-op
    }
}
