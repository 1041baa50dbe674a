package io.mqttharness.spec.thirdparty;

import io.mqttharness.brokers.MoquetteBroker;
import io.mqttharness.brokers.LaunchProfile;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.capability.CapabilityProfile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Certifies Moquette (embedded, in its own JVM) with every scenario under MQTT 3.1.1 and 5; the verdicts must
 * match src/test/resources/baselines/moquette.yaml. Skipped when its classpath was not resolved by the build.
 */
class MoquetteCertificationTest {
    private static final CapabilityProfile PROFILE = CapabilityProfile.EMPTY;

    @Test
    @Timeout(120)
    void moquette_verdicts_match_the_baseline() throws InterruptedException {
        new BaselineGate("moquette", new MoquetteBroker(LaunchProfile.QUICK_START), PROFILE)
                .assertMatchesBaseline(List.of(MqttVersion.MQTT_3_1_1));
    }
}
