package io.mqttharness.codec.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mqttharness.codec.MqttVersion;

/**
 * Coverage-guided fuzzing of the framing decoder plus packet decoder on arbitrary byte streams, one target per
 * protocol version (the stream is what a connection sends after its version is known; a CONNECT inside it
 * switches the version as on a real connection). The invariants are in {@link MqttStreamDecodeInvariants}.
 *
 * <p>Under plain {@code mvn verify} Jazzer only replays the seeds and saved findings below
 * {@code src/test/resources/io/mqttharness/codec/fuzz/MqttStreamDecodeFuzzTestInputs/<method>/}. With the
 * environment variable {@code JAZZER_FUZZ=1} it fuzzes one target for {@code maxDuration} (see the README,
 * section "Fuzzing").
 */
class MqttStreamDecodeFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void decode_stream_v311(byte[] stream) {
        MqttStreamDecodeInvariants.check(stream, MqttVersion.MQTT_3_1_1);
    }

    @FuzzTest(maxDuration = "20s")
    void decode_stream_v5(byte[] stream) {
        MqttStreamDecodeInvariants.check(stream, MqttVersion.MQTT_5);
    }
}
