package io.mqttharness.broker.persistence;

import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.packet.MqttPublish;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Streams numbered QoS 1/2 PUBLISH packets (payload {@code m-N}, odd N QoS 1, even N QoS 2) over a connected
 * {@link TestMqttClient} with up to {@code window} unacknowledged at a time, and records which the broker
 * acknowledged: PUBACK for QoS 1, PUBREC for QoS 2 (from then on the broker owns the message). Stops when told
 * to, when {@code count} messages were sent, or when the connection breaks.
 */
final class PipelinedPublisher implements AutoCloseable {
    private final TestMqttClient client;
    private final String topic;
    private final int count;
    private final boolean qos1Only;
    private final Semaphore window;
    private final Map<Integer, Integer> messageOfPacketId = new ConcurrentHashMap<>();
    private final Map<Integer, MqttQos> acked = new ConcurrentHashMap<>();
    private final AtomicInteger completed = new AtomicInteger();
    private final Thread sender;
    private final Thread receiver;
    private volatile boolean stopped;
    private volatile int triggerAt = -1;
    private volatile Runnable trigger;

    PipelinedPublisher(TestMqttClient client, String topic, int count, int window, boolean qos1Only) {
        this.client = client;
        this.topic = topic;
        this.count = count;
        this.qos1Only = qos1Only;
        this.window = new Semaphore(window);
        this.sender = new Thread(this::send, "pipelined-publisher-send");
        this.receiver = new Thread(this::receive, "pipelined-publisher-receive");
        sender.setDaemon(true);
        receiver.setDaemon(true);
    }

    /**
     * Runs {@code action} on the receiving thread as soon as {@code acks} messages were acknowledged, before the
     * next packet is read: a kill -9 then hits the broker within a fraction of a millisecond of its last ack.
     */
    PipelinedPublisher onAcknowledged(int acks, Runnable action) {
        trigger = action;
        triggerAt = acks;
        return this;
    }

    PipelinedPublisher start() {
        receiver.start();
        sender.start();
        return this;
    }

    static MqttQos qosOf(int message, boolean qos1Only) {
        return qos1Only || message % 2 == 1 ? MqttQos.AT_LEAST_ONCE : MqttQos.EXACTLY_ONCE;
    }

    private void send() {
        for (int n = 1; n <= count && !stopped; n++) {
            try {
                while (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    if (stopped) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                return;
            }
            int packetId = (n - 1) % 65_535 + 1;
            messageOfPacketId.put(packetId, n);
            client.send(new MqttPublish(false, qosOf(n, qos1Only), false, topic, packetId, MqttProperties.EMPTY,
                    ("m-" + n).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private void receive() {
        while (!stopped && completed.get() < count) {
            MqttPacket p;
            try {
                p = client.next(Duration.ofSeconds(10));
            } catch (AssertionError closedOrSilent) {
                return;
            }
            if (p instanceof MqttPubAck ack) {
                acked.put(messageOfPacketId.get(ack.packetId()), MqttQos.AT_LEAST_ONCE);
                done();
            } else if (p instanceof MqttPubRec rec) {
                acked.put(messageOfPacketId.get(rec.packetId()), MqttQos.EXACTLY_ONCE);
                client.send(new MqttPubRel(rec.packetId()));
            } else if (p instanceof MqttPubComp) {
                done();
            }
            Runnable action = trigger;
            if (action != null && acked.size() >= triggerAt) {
                trigger = null;
                action.run();
            }
        }
    }

    private void done() {
        completed.incrementAndGet();
        window.release();
    }

    /** Messages the broker acknowledged so far, by number. */
    Map<Integer, MqttQos> acked() {
        return Map.copyOf(acked);
    }

    int ackedCount() {
        return acked.size();
    }

    /** Completed exchanges (PUBACK or PUBCOMP received). */
    int completedCount() {
        return completed.get();
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        sender.join(5_000);
        receiver.join(15_000);
    }
}
