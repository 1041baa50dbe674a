package io.mqttharness.broker.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.ListenerConfig;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quick measurement, not a benchmark: QoS 1 publishes per second through one pipelined publisher to one
 * online persistent subscriber, with persistence off, on, and on with fsync, in the same JVM. Run with
 * {@code -Dtest=PersistenceThroughputCheck -Dmqttharness.perf=true}; prints the rates and ratios.
 */
@EnabledIfSystemProperty(named = "mqttharness.perf", matches = "true")
class PersistenceThroughputCheck {
    private static final int MESSAGES = Integer.getInteger("mqttharness.perf.messages", 30_000);

    @TempDir
    Path dir;

    @Test
    void qos1_throughput_with_and_without_persistence() throws Exception {
        run(false, false, MESSAGES);
        run(true, false, MESSAGES); // warm-up of both paths
        double off = 0;
        double on = 0;
        int rounds = 3;
        for (int i = 0; i < rounds; i++) {
            // alternating, so that load from elsewhere on the machine hits both alike
            double o = run(false, false, MESSAGES);
            double p = run(true, false, MESSAGES);
            System.out.printf("round %d QoS 1 msg/s: off %.0f, on %.0f%n", i + 1, o, p);
            off += o / rounds;
            on += p / rounds;
        }
        double fsync = run(true, true, MESSAGES / 3);
        System.out.printf("mean QoS 1 msg/s: off %.0f, on %.0f (ratio on/off %.2f), on+fsync %.0f (ratio %.2f)%n",
                off, on, on / off, fsync, fsync / off);
        assertThat(on).isPositive();
    }

    private double run(boolean persistence, boolean fsync, int messages) throws Exception {
        Path location = dir.resolve("p" + System.nanoTime());
        BrokerConfig config = BrokerConfig.builder().listener(ListenerConfig.mqtt("127.0.0.1", 0)).sysInterval(0)
                .maxQueuedMessages(0).persistence(persistence).persistenceFsync(fsync).persistenceLocation(location)
                .build();
        try (MqttBroker broker = MqttBroker.start(config);
                TestMqttClient sub = TestMqttClient.open(broker.port(), MqttVersion.MQTT_5);
                TestMqttClient pub = TestMqttClient.open(broker.port(), MqttVersion.MQTT_5)) {
            sub.connect(sub.connectPacket("perf-sub", true, 60,
                    MqttProperties.builder().sessionExpiryInterval(3600L).build(), null));
            sub.subscribe(1, "perf", MqttQos.AT_LEAST_ONCE);
            pub.connect("perf-pub", true);
            AtomicReference<Throwable> subFailure = new AtomicReference<>();
            Receiver receiver = new Receiver(sub);
            Thread consumer = new Thread(() -> {
                try {
                    receiver.until(r -> r.size() >= messages, Duration.ofSeconds(120));
                } catch (Throwable t) {
                    subFailure.set(t);
                }
            });
            consumer.start();
            long started = System.nanoTime();
            try (PipelinedPublisher stream = new PipelinedPublisher(pub, "perf", messages, 100, true).start()) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5))
                        .until(() -> stream.completedCount() >= messages);
            }
            consumer.join(120_000);
            long elapsed = System.nanoTime() - started;
            assertThat(subFailure.get()).isNull();
            return messages / (elapsed / 1e9);
        }
    }
}
