package io.mqttharness.broker.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.ListenerConfig;
import io.mqttharness.broker.config.MosquittoConfigParser;
import io.mqttharness.broker.config.QueueFullPolicy;
import io.mqttharness.broker.session.Session;
import io.mqttharness.broker.testsupport.BrokerTestBase;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPublish;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A subscriber that stops acknowledging while 2,000 QoS 1 messages of 1 KB arrive: its session holds at most the
 * inflight window plus {@code max_queued_messages} (or {@code max_queued_bytes}) at any time, the configured
 * {@code queue_full_policy} decides which messages survive, and every drop is counted in
 * {@code $SYS/broker/publish/messages/dropped}.
 */
class SlowConsumerPolicyTest extends BrokerTestBase {
    private static final int MESSAGES = 2_000;
    private static final int PAYLOAD = 1024;
    private static final int INFLIGHT = 5;
    private static final int QUEUED = 50;

    @ParameterizedTest
    @EnumSource(QueueFullPolicy.class)
    void full_queue_keeps_memory_bounded_and_drops_as_configured(QueueFullPolicy policy) {
        startBroker(b -> b.maxInflightMessages(INFLIGHT).maxQueuedMessages(QUEUED).queueFullPolicy(policy));
        TestMqttClient slow = connected(MqttVersion.MQTT_5, "slow");
        slow.subscribe(1, "load", MqttQos.AT_LEAST_ONCE);
        Session session = broker.context().sessions().get("slow");

        int maxQueued = publishAll(session);

        long dropped = broker.context().stats().messagesDropped();
        List<Integer> kept = resume(slow, INFLIGHT + QUEUED);
        List<Integer> expected = new ArrayList<>(IntStream.rangeClosed(1, INFLIGHT).boxed().toList());
        expected.addAll(policy == QueueFullPolicy.DROP_OLDEST
                ? IntStream.rangeClosed(MESSAGES - QUEUED + 1, MESSAGES).boxed().toList()
                : IntStream.rangeClosed(INFLIGHT + 1, INFLIGHT + QUEUED).boxed().toList());
        System.out.printf("%s: sent %d, max queued %d (bound %d), dropped %d, delivered %d (first %s, last %s)%n",
                policy, MESSAGES, maxQueued, QUEUED, dropped, kept.size(), kept.get(INFLIGHT), kept.get(kept.size() - 1));

        assertThat(maxQueued).isLessThanOrEqualTo(QUEUED);
        assertThat(kept).containsExactlyElementsOf(expected);
        assertThat(dropped).isEqualTo(MESSAGES - INFLIGHT - QUEUED);
        assertThat(sys()).containsEntry("$SYS/broker/publish/messages/dropped", Long.toString(dropped))
                .containsEntry("$SYS/broker/store/messages/count", "0");
    }

    @Test
    void byte_bound_limits_the_queue_by_payload_size() {
        long maxBytes = 10L * PAYLOAD + PAYLOAD / 2;
        startBroker(b -> b.maxInflightMessages(INFLIGHT).maxQueuedMessages(0).maxQueuedBytes(maxBytes)
                .queueFullPolicy(QueueFullPolicy.DROP_OLDEST));
        TestMqttClient slow = connected(MqttVersion.MQTT_5, "slow-bytes");
        slow.subscribe(1, "load", MqttQos.AT_LEAST_ONCE);
        Session session = broker.context().sessions().get("slow-bytes");

        publishAll(session);

        assertThat(session.queuedCount()).isEqualTo(10);
        assertThat(session.queuedBytes()).isEqualTo(10L * PAYLOAD).isLessThanOrEqualTo(maxBytes);
        assertThat(sys()).containsEntry("$SYS/broker/store/messages/bytes", Long.toString(10L * PAYLOAD))
                .containsEntry("$SYS/broker/publish/messages/dropped", Long.toString(MESSAGES - INFLIGHT - 10));
        List<Integer> kept = resume(slow, INFLIGHT + 10);
        assertThat(kept.subList(INFLIGHT, kept.size())).containsExactlyElementsOf(
                IntStream.rangeClosed(MESSAGES - 9, MESSAGES).boxed().toList());
    }

    @Test
    void dropping_the_oldest_of_a_persistent_offline_queue_survives_a_restart(@TempDir Path dir) {
        BrokerConfig config = BrokerConfig.builder().listener(ListenerConfig.mqtt("127.0.0.1", 0)).sysInterval(0)
                .maxQueuedMessages(QUEUED).queueFullPolicy(QueueFullPolicy.DROP_OLDEST).persistence(true)
                .persistenceLocation(dir).build();
        try (MqttBroker first = MqttBroker.start(config)) {
            TestMqttClient sub = TestMqttClient.open(first.port(), MqttVersion.MQTT_5);
            sub.connect(sub.connectPacket("offline", true, 60,
                    MqttProperties.builder().sessionExpiryInterval(3600L).build(), null));
            sub.subscribe(1, "load", MqttQos.AT_LEAST_ONCE);
            sub.disconnect();
            TestMqttClient pub = TestMqttClient.open(first.port(), MqttVersion.MQTT_5);
            pub.connect("pub", true);
            for (int seq = 1; seq <= 500; seq++) {
                pub.send(message(seq, seq));
                pub.expect(MqttPubAck.class);
            }
            pub.close();
        }
        try (MqttBroker second = MqttBroker.start(config)) {
            TestMqttClient sub = TestMqttClient.open(second.port(), MqttVersion.MQTT_5);
            sub.connect(sub.connectPacket("offline", false, 60,
                    MqttProperties.builder().sessionExpiryInterval(3600L).build(), null));
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < QUEUED; i++) {
                MqttPublish p = sub.expect(MqttPublish.class);
                kept.add(sequence(p));
                sub.send(new MqttPubAck(p.packetId()));
            }
            sub.expectNoPacket(Duration.ofMillis(300));
            assertThat(kept).containsExactlyElementsOf(IntStream.rangeClosed(500 - QUEUED + 1, 500).boxed().toList());
            sub.close();
        }
    }

    @Test
    void options_are_read_from_mosquitto_conf() {
        BrokerConfig config = MosquittoConfigParser.parse("""
                max_queued_messages 10
                max_queued_bytes 65536
                queue_full_policy drop_oldest
                """, "test.conf");

        assertThat(config.maxQueuedBytes()).isEqualTo(65_536);
        assertThat(config.queueFullPolicy()).isEqualTo(QueueFullPolicy.DROP_OLDEST);
        assertThat(BrokerConfig.defaults().queueFullPolicy()).isEqualTo(QueueFullPolicy.DROP_NEWEST);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> MosquittoConfigParser.parse(
                "queue_full_policy drop_random\n", "test.conf")))
                .hasMessageContaining("test.conf:1").hasMessageContaining("drop_newest or drop_oldest");
    }

    /** Publishes every message (QoS 1, waiting for each PUBACK); returns the largest queue length seen. */
    private int publishAll(Session session) {
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        int maxQueued = 0;
        for (int seq = 1; seq <= MESSAGES; seq++) {
            pub.send(message(seq, (seq - 1) % 65_535 + 1));
            pub.expect(MqttPubAck.class);
            maxQueued = Math.max(maxQueued, session.queuedCount());
        }
        return maxQueued;
    }

    /** The subscriber acknowledges again: returns the sequence numbers it gets, expecting exactly {@code count}. */
    private static List<Integer> resume(TestMqttClient slow, int count) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MqttPublish p = slow.expect(MqttPublish.class);
            kept.add(sequence(p));
            slow.send(new MqttPubAck(p.packetId()));
        }
        slow.expectNoPacket(Duration.ofMillis(300));
        return kept;
    }

    /** The current $SYS values as a subscriber sees them. */
    private Map<String, String> sys() {
        TestMqttClient watcher = connected(MqttVersion.MQTT_5, "watcher-" + System.nanoTime());
        watcher.subscribe(1, "$SYS/broker/#", MqttQos.AT_MOST_ONCE);
        broker.publishSysTopicsNow();
        Map<String, String> values = new HashMap<>();
        MqttPublish p;
        while ((p = nextOrNull(watcher)) != null) {
            values.put(p.topic(), TestMqttClient.text(p));
        }
        watcher.close();
        return values;
    }

    private static MqttPublish nextOrNull(TestMqttClient c) {
        try {
            return (MqttPublish) c.next(Duration.ofMillis(300));
        } catch (AssertionError quiet) {
            return null;
        }
    }

    private static MqttPublish message(int seq, int packetId) {
        byte[] payload = new byte[PAYLOAD];
        byte[] number = Integer.toString(seq).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(number, 0, payload, 0, number.length);
        return new MqttPublish(false, MqttQos.AT_LEAST_ONCE, false, "load", packetId, MqttProperties.EMPTY, payload);
    }

    private static int sequence(MqttPublish p) {
        String text = new String(p.payload(), StandardCharsets.US_ASCII);
        int end = 0;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return Integer.parseInt(text.substring(0, end));
    }
}
