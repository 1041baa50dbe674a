package io.mqttharness.broker.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mqttharness.codec.MqttVersion;

/**
 * Coverage-guided fuzzing of the broker's connection handling: arbitrary bytes, after an optional valid CONNECT
 * (bit 0 of the first input byte), on a connection assembled by the broker's own pipeline initializer; one target
 * per protocol version. The invariants are in {@link BrokerConnectionInvariants}.
 *
 * <p>Under plain {@code mvn verify} Jazzer only replays the seeds and saved findings below
 * {@code src/test/resources/io/mqttharness/broker/fuzz/BrokerConnectionFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes one target for {@code maxDuration} (README, section "Fuzzing").
 */
class BrokerConnectionFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void connection_survives_any_bytes_v311(byte[] input) {
        BrokerConnectionInvariants.check(input, MqttVersion.MQTT_3_1_1);
    }

    @FuzzTest(maxDuration = "20s")
    void connection_survives_any_bytes_v5(byte[] input) {
        BrokerConnectionInvariants.check(input, MqttVersion.MQTT_5);
    }
}
