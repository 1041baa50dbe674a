package io.mqttharness.broker.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttPublish;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a broker process in the middle of a stream of QoS 1 and QoS 2 publishes: after the restart every
 * message the broker acknowledged (PUBACK, PUBREC) reaches the persistent subscriber, QoS 2 ones exactly once.
 */
class PersistenceCrashTest {
    private static final long HOUR = 3600;
    private static final int ACKS_BEFORE_KILL = 1_500;

    @TempDir
    Path dir;

    private static TestMqttClient connect(int port, String clientId, boolean cleanStart, long expiry) {
        TestMqttClient c = TestMqttClient.open(port, MqttVersion.MQTT_5);
        c.connect(c.connectPacket(clientId, cleanStart, 60,
                MqttProperties.builder().sessionExpiryInterval(expiry).build(), null));
        return c;
    }

    @Test
    void no_acknowledged_message_is_lost_when_the_broker_is_killed_mid_stream() throws Exception {
        Map<Integer, MqttQos> acked;
        try (ChildBroker first = ChildBroker.start(dir, false)) {
            TestMqttClient sub = connect(first.port(), "crash-sub", true, HOUR);
            sub.subscribe(1, "crash/#", MqttQos.EXACTLY_ONCE);
            sub.disconnect();
            TestMqttClient pub = connect(first.port(), "crash-pub", true, 0);
            PipelinedPublisher stream = new PipelinedPublisher(pub, "crash/t", 1_000_000, 64, false)
                    .onAcknowledged(ACKS_BEFORE_KILL, first::killNow).start();
            await().atMost(Duration.ofSeconds(30)).until(() -> !first.isAlive());
            first.kill();
            stream.close();
            pub.close();
            acked = stream.acked();
        }
        assertThat(acked.size()).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        try (ChildBroker second = ChildBroker.start(dir, false)) {
            TestMqttClient sub = connect(second.port(), "crash-sub", false, HOUR);
            Receiver receiver = new Receiver(sub);
            // the restored queue is sent without pauses: two quiet seconds mean everything arrived
            receiver.drain(Duration.ofSeconds(2));
            Map<Integer, Integer> seen = numbers(receiver.received());
            Set<Integer> lost = acked.keySet().stream().filter(n -> !seen.containsKey(n))
                    .collect(Collectors.toSet());
            System.out.printf("acknowledged %d, received %d (%d distinct), lost %d%n", acked.size(),
                    receiver.received().size(), seen.size(), lost.size());
            assertThat(lost).as("acknowledged but lost").isEmpty();
            List<Integer> qos2Duplicates = seen.entrySet().stream()
                    .filter(e -> e.getValue() > 1 && PipelinedPublisher.qosOf(e.getKey(), false) == MqttQos.EXACTLY_ONCE)
                    .map(Map.Entry::getKey).toList();
            assertThat(qos2Duplicates).as("QoS 2 messages delivered twice").isEmpty();
            sub.close();
        }
    }

    /** How often each message number was received. */
    private static Map<Integer, Integer> numbers(List<MqttPublish> received) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (MqttPublish p : received) {
            counts.merge(number(p), 1, Integer::sum);
        }
        return counts;
    }

    private static int number(MqttPublish p) {
        return Integer.parseInt(new String(p.payload(), StandardCharsets.UTF_8).substring(2));
    }
}
