package io.mqttharness.broker.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mqttharness.broker.persistence.ChildBroker;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnAck;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a persistent broker in the middle of a QoS 2 stream, with the subscriber online and acknowledging:
 * after the restart both clients resume their sessions as the specification asks, and every message the publisher
 * sent reaches the subscriber's application exactly once - none lost (even those the broker never acknowledged, as
 * the publisher retries them), none twice.
 */
class Qos2CrashTest {
    private static final long HOUR = 3600;
    private static final int ACKS_BEFORE_KILL = 1_500;

    @TempDir
    Path dir;

    private static TestMqttClient connect(int port, String clientId, boolean cleanStart, boolean expectPresent) {
        TestMqttClient c = TestMqttClient.open(port, MqttVersion.MQTT_5);
        MqttConnAck ack = c.connect(c.connectPacket(clientId, cleanStart, 60,
                MqttProperties.builder().sessionExpiryInterval(HOUR).build(), null));
        assertThat(ack.reasonCode().isError()).isFalse();
        assertThat(ack.sessionPresent()).as("session of " + clientId + " present").isEqualTo(expectPresent);
        return c;
    }

    @Test
    @Timeout(180)
    void qos2_stream_survives_kill_9_with_nothing_lost_and_nothing_duplicated() throws Exception {
        Qos2Receiver receiver = new Qos2Receiver();
        Qos2Publisher publisher = new Qos2Publisher("qos2-crash/t", 32);
        try (ChildBroker first = ChildBroker.start(dir, false)) {
            TestMqttClient sub = connect(first.port(), "qos2-sub", true, false);
            sub.subscribe(1, "qos2-crash/#", MqttQos.EXACTLY_ONCE);
            Thread receiving = new Thread(() -> receiver.run(sub, Duration.ofSeconds(30)), "qos2-receiver");
            receiving.start();
            TestMqttClient pub = connect(first.port(), "qos2-pub", true, false);

            publisher.stream(pub, ACKS_BEFORE_KILL, first::killNow);

            await().atMost(Duration.ofSeconds(30)).until(() -> !first.isAlive());
            receiving.join(30_000);
            pub.close();
            sub.close();
        }
        int sentBefore = publisher.sent().size();
        int ackedBefore = publisher.acknowledged().size();
        int completedBefore = publisher.completed().size();
        int deliveredBefore = receiver.deliveries().size();

        try (ChildBroker second = ChildBroker.start(dir, false)) {
            TestMqttClient sub = connect(second.port(), "qos2-sub", false, true);
            Thread receiving = new Thread(() -> receiver.run(sub, Duration.ofSeconds(3)), "qos2-receiver-2");
            receiving.start();
            TestMqttClient pub = connect(second.port(), "qos2-pub", false, true);
            publisher.resume(pub, Duration.ofSeconds(60));
            receiving.join(90_000);
            pub.close();
            sub.close();
        }

        Set<Integer> sent = publisher.sent();
        Map<Integer, Integer> delivered = receiver.deliveries();
        Set<Integer> lost = sent.stream().filter(n -> !delivered.containsKey(n)).collect(Collectors.toSet());
        Set<Integer> duplicated = delivered.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        Set<Integer> unexpected = delivered.keySet().stream().filter(n -> !sent.contains(n))
                .collect(Collectors.toSet());
        System.out.printf("QoS 2 kill -9: before the crash sent %d, acknowledged (PUBREC) %d, completed (PUBCOMP) %d, "
                + "delivered %d; in the end sent %d, acknowledged %d, completed %d, delivered %d distinct, lost %d, "
                + "duplicated %d, retransmissions recognised by the receiver %d%n", sentBefore, ackedBefore,
                completedBefore, deliveredBefore, sent.size(), publisher.acknowledged().size(),
                publisher.completed().size(), delivered.size(), lost.size(), duplicated.size(),
                receiver.retransmissions());

        assertThat(ackedBefore).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        assertThat(lost).as("sent but never delivered").isEmpty();
        assertThat(duplicated).as("delivered to the application twice").isEmpty();
        assertThat(unexpected).isEmpty();
        assertThat(publisher.completed()).isEqualTo(sent);
    }
}
