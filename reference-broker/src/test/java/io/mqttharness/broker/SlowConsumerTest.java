package io.mqttharness.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.connection.MqttConnection;
import io.mqttharness.broker.server.MqttChannelInitializer;
import io.mqttharness.broker.session.Session;
import io.mqttharness.broker.testsupport.BrokerTestBase;
import io.mqttharness.broker.testsupport.RawMqttSocket;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttPacketEncoder;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.packet.MqttSubAck;
import io.mqttharness.codec.packet.MqttSubscribe;
import io.mqttharness.codec.packet.MqttSubscription;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * "A slow consumer must not grow memory without bound": subscribers that stop reading their socket while a
 * publisher pushes 20,000 messages of 1 KB. What the broker holds for each of them must stay within what the
 * config allows (session queue: {@code max_queued_messages}; channel: the write buffer high water mark plus one
 * packet), everything else is dropped and counted, other clients are served in full, and a slow reader that
 * resumes gets what was kept for it, in order.
 */
class SlowConsumerTest extends BrokerTestBase {
    private static final int MESSAGES = 20_000;
    private static final int PAYLOAD_BYTES = 1024;
    /** Messages the publisher may be ahead of the fast subscriber: well below the queue bound, so it loses none. */
    private static final int BATCH = 100;
    private static final int MAX_QUEUED = 1000;
    private static final int MAX_INFLIGHT = 20;
    private static final int SMALL_RECEIVE_BUFFER = 4096;
    /** Netty's ChannelOutboundBuffer counts this much per pending message on top of its bytes. */
    private static final int NETTY_ENTRY_OVERHEAD = 96;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void slow_consumers_are_bounded_by_queue_and_water_mark_while_others_get_everything() {
        startBroker(b -> b.maxQueuedMessages(MAX_QUEUED).maxInflightMessages(MAX_INFLIGHT));
        RawMqttSocket slowQos0 = stalledSubscriber("slow-qos0", MqttQos.AT_MOST_ONCE);
        RawMqttSocket slowQos1 = stalledSubscriber("slow-qos1", MqttQos.AT_LEAST_ONCE);
        try {
            TestMqttClient fast = connected(MqttVersion.MQTT_5, "fast");
            fast.subscribe(1, "load", MqttQos.AT_LEAST_ONCE);
            TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
            MqttConnection qos0Connection = connection("slow-qos0");
            MqttConnection qos1Connection = connection("slow-qos1");
            Session qos0Session = broker.context().sessions().get("slow-qos0");
            Session qos1Session = broker.context().sessions().get("slow-qos1");

            int publishSize = MqttPacketEncoder.encodedSize(message(MESSAGES, 1), MqttVersion.MQTT_3_1_1);
            long pendingBound = MqttChannelInitializer.WRITE_BUFFER_HIGH_WATER_MARK
                    + 2L * (publishSize + NETTY_ENTRY_OVERHEAD);
            long maxPending = 0;
            int maxQueue = 0;
            for (int first = 1; first <= MESSAGES; first += BATCH) {
                for (int seq = first; seq < first + BATCH; seq++) {
                    pub.send(message(seq, 1 + (seq - first)));
                }
                for (int i = 0; i < BATCH; i++) {
                    pub.expect(MqttPubAck.class);
                }
                for (int seq = first; seq < first + BATCH; seq++) {
                    MqttPublish p = fast.expect(MqttPublish.class);
                    assertThat(sequence(p)).as("fast subscriber, in order and complete").isEqualTo(seq);
                    fast.send(new MqttPubAck(p.packetId()));
                }
                maxPending = Math.max(maxPending, Math.max(qos0Connection.pendingOutboundBytes(),
                        qos1Connection.pendingOutboundBytes()));
                maxQueue = Math.max(maxQueue, Math.max(qos0Session.queuedCount(), qos1Session.queuedCount()));
                assertThat(maxPending).as("bytes pending in a slow consumer's channel").isLessThanOrEqualTo(pendingBound);
                assertThat(maxQueue).as("messages in a slow consumer's session queue").isLessThanOrEqualTo(MAX_QUEUED);
            }

            // every PUBACK is back, so every message has been offered to every session: the counts are final
            assertThat(qos0Connection.pendingOutboundBytes()).isLessThanOrEqualTo(pendingBound);
            assertThat(qos1Session.inflightCount()).isEqualTo(MAX_INFLIGHT);
            assertThat(qos1Session.queuedCount()).isEqualTo(MAX_QUEUED);
            int keptForQos1 = MAX_INFLIGHT + MAX_QUEUED;
            long dropped = broker.context().stats().messagesDropped();
            long droppedForQos0 = dropped - (MESSAGES - keptForQos1);
            assertThat(droppedForQos0).as("QoS 0 messages dropped for the reader that stopped").isPositive();
            int keptForQos0 = (int) (MESSAGES - droppedForQos0);
            System.out.printf("slow consumer: max queued %d (bound %d), max pending %d bytes (bound %d), QoS 0 reader"
                    + " pending at end %d bytes, dropped %d (QoS 1 reader %d, QoS 0 reader %d), kept for QoS 0 reader"
                    + " %d%n", maxQueue, MAX_QUEUED, maxPending, pendingBound, qos0Connection.pendingOutboundBytes(),
                    dropped, MESSAGES - keptForQos1, droppedForQos0, keptForQos0);

            // the QoS 1 reader resumes: the oldest messages up to the bound, in order, and nothing after them
            for (int seq = 1; seq <= keptForQos1; seq++) {
                MqttPublish p = slowQos1.expect(MqttPublish.class);
                assertThat(sequence(p)).isEqualTo(seq);
                slowQos1.send(new MqttPubAck(p.packetId()));
            }
            assertThat(slowQos1.readOrNull(Duration.ofMillis(300))).isNull();
            // the QoS 0 reader resumes: exactly what was not counted as dropped, in publishing order
            int last = 0;
            for (int i = 0; i < keptForQos0; i++) {
                int seq = sequence(slowQos0.expect(MqttPublish.class));
                assertThat(seq).isGreaterThan(last);
                last = seq;
            }
            assertThat(slowQos0.readOrNull(Duration.ofMillis(300))).isNull();
            assertThat(qos1Session.queuedCount() + qos1Session.inflightCount()).isZero();
        } finally {
            slowQos0.close();
            slowQos1.close();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void qos0_for_a_reader_whose_channel_is_not_writable_is_dropped_even_without_a_queue_bound() {
        // no queue bound at all: only the water mark protects the broker from the QoS 0 reader that stopped
        startBroker(b -> b.maxQueuedMessages(0));
        RawMqttSocket slow = stalledSubscriber("slow", MqttQos.AT_MOST_ONCE);
        try {
            TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
            MqttConnection slowConnection = connection("slow");
            Session slowSession = broker.context().sessions().get("slow");
            int publishSize = MqttPacketEncoder.encodedSize(message(MESSAGES, 1), MqttVersion.MQTT_3_1_1);
            long pendingBound = MqttChannelInitializer.WRITE_BUFFER_HIGH_WATER_MARK
                    + 2L * (publishSize + NETTY_ENTRY_OVERHEAD);
            int maxQueue = 0;
            for (int first = 1; first <= MESSAGES; first += BATCH) {
                for (int seq = first; seq < first + BATCH; seq++) {
                    pub.send(message(seq, 1 + (seq - first)));
                }
                for (int i = 0; i < BATCH; i++) {
                    pub.expect(MqttPubAck.class);
                }
                // only what arrived while the channel was still writable may wait in the queue
                maxQueue = Math.max(maxQueue, slowSession.queuedCount());
                assertThat(maxQueue).isLessThanOrEqualTo(BATCH);
                assertThat(slowConnection.pendingOutboundBytes()).isLessThanOrEqualTo(pendingBound);
            }
            long dropped = broker.context().stats().messagesDropped();
            assertThat(dropped).isPositive();
            System.out.printf("slow QoS 0 consumer without queue bound: max queued %d, dropped %d, kept %d%n",
                    maxQueue, dropped, MESSAGES - dropped);
            // the reader resumes: exactly what was not counted as dropped, in publishing order
            int last = 0;
            for (int i = 0; i < MESSAGES - dropped; i++) {
                int seq = sequence(slow.expect(MqttPublish.class));
                assertThat(seq).isGreaterThan(last);
                last = seq;
            }
            assertThat(slow.readOrNull(Duration.ofMillis(300))).isNull();
        } finally {
            slow.close();
        }
    }

    /** A raw MQTT 3.1.1 subscriber to "load" that reads its CONNACK and SUBACK and then nothing. */
    private RawMqttSocket stalledSubscriber(String clientId, MqttQos qos) {
        RawMqttSocket s = RawMqttSocket.open(broker.port(), MqttVersion.MQTT_3_1_1, SMALL_RECEIVE_BUFFER);
        s.send(new MqttConnect(MqttVersion.MQTT_3_1_1, true, 0, clientId, MqttProperties.EMPTY, null, null, null));
        assertThat(s.expect(MqttConnAck.class).reasonCode()).isEqualTo(MqttConnectReasonCode.SUCCESS);
        s.send(new MqttSubscribe(1, List.of(new MqttSubscription("load", qos)), MqttProperties.EMPTY));
        s.expect(MqttSubAck.class);
        return s;
    }

    private MqttConnection connection(String clientId) {
        return broker.context().connections().snapshot().stream()
                .filter(c -> clientId.equals(c.clientId()))
                .findFirst().orElseThrow(() -> new AssertionError("no connection for " + clientId));
    }

    /** QoS 1 message number {@code seq}: the number in its first 8 bytes, padded to 1 KB. */
    private static MqttPublish message(int seq, int packetId) {
        byte[] payload = new byte[PAYLOAD_BYTES];
        Arrays.fill(payload, (byte) 'x');
        byte[] number = String.format("%08d", seq).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(number, 0, payload, 0, number.length);
        return new MqttPublish(false, MqttQos.AT_LEAST_ONCE, false, "load", packetId, MqttProperties.EMPTY, payload);
    }

    private static int sequence(MqttPacket packet) {
        byte[] payload = ((MqttPublish) packet).payload();
        return Integer.parseInt(new String(payload, 0, 8, StandardCharsets.US_ASCII));
    }
}
