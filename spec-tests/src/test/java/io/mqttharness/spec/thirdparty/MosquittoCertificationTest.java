package io.mqttharness.spec.thirdparty;

import io.mqttharness.brokers.MosquittoBroker;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.capability.CapabilityProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Certifies mosquitto (Debian package) with every scenario under MQTT 3.1.1 and 5; the verdicts must match
 * src/test/resources/baselines/mosquitto.yaml. Skipped when mosquitto is not installed.
 */
class MosquittoCertificationTest {
    /** The generated config publishes $SYS every second and queues QoS 0 for offline sessions. */
    private static final CapabilityProfile PROFILE = new CapabilityProfile(
            Map.of("sys-topics", true, "queue-qos0-offline", true), null, null);

    @Test
    @Timeout(120)
    void mosquitto_verdicts_match_the_baseline() throws InterruptedException {
        new BaselineGate("mosquitto", new MosquittoBroker(), PROFILE)
                .assertMatchesBaseline(List.of(MqttVersion.MQTT_3_1_1, MqttVersion.MQTT_5));
    }
}
