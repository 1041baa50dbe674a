package io.mqttharness.spec.thirdparty;

import io.mqttharness.brokers.HiveMqCeBroker;
import io.mqttharness.brokers.LaunchProfile;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.capability.CapabilityProfile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Certifies HiveMQ CE (embedded, in its own JVM) with every scenario under MQTT 3.1.1 and 5; the verdicts must
 * match src/test/resources/baselines/hivemq-ce.yaml. Skipped when its classpath was not resolved by the build.
 */
class HiveMqCeCertificationTest {
    /** HiveMQ CE publishes no $SYS topics; everything else is announced in its MQTT 5 CONNACK. */
    private static final CapabilityProfile PROFILE = CapabilityProfile.EMPTY;

    @Test
    @Timeout(180)
    void hivemq_ce_verdicts_match_the_baseline() throws InterruptedException {
        new BaselineGate("hivemq-ce", new HiveMqCeBroker(LaunchProfile.QUICK_START), PROFILE)
                .assertMatchesBaseline(List.of(MqttVersion.MQTT_3_1_1, MqttVersion.MQTT_5));
    }
}
