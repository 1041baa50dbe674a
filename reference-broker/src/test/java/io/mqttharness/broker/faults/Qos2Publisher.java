package io.mqttharness.broker.faults;

import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.packet.MqttPublish;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The sending side of QoS 2 with a persistent session: streams numbered messages ({@code m-N}) with up to
 * {@code window} exchanges open, and after a reconnect resumes them as the specification asks (MQTT-4.4.0-1):
 * PUBLISH with DUP 1 for those without PUBREC, PUBREL for those with. Records which messages were sent,
 * acknowledged (PUBREC: the broker owns them) and completed (PUBCOMP).
 */
final class Qos2Publisher {
    private enum State { SENT, RECEIVED }

    private record Open(int number, State state) {
    }

    private final String topic;
    private final Semaphore window;
    private final Map<Integer, Open> open = new LinkedHashMap<>();
    private final Set<Integer> sent = ConcurrentHashMap.newKeySet();
    private final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<Integer> completed = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    Qos2Publisher(String topic, int window) {
        this.topic = topic;
        this.window = new Semaphore(window);
    }

    /**
     * Streams until the connection breaks, running {@code trigger} on the receiving thread as soon as
     * {@code triggerAt} messages were acknowledged.
     */
    void stream(TestMqttClient client, int triggerAt, Runnable trigger) throws InterruptedException {
        Thread sender = new Thread(() -> {
            for (int n = 1; !stopped; n++) {
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
                synchronized (this) {
                    open.put(packetId, new Open(n, State.SENT));
                }
                sent.add(n);
                client.send(publish(n, packetId, false));
            }
        }, "qos2-publisher-send");
        sender.setDaemon(true);
        sender.start();
        boolean triggered = false;
        while (true) {
            MqttPacket p;
            try {
                p = client.next(Duration.ofSeconds(10));
            } catch (AssertionError closedOrSilent) {
                break;
            }
            handle(client, p);
            if (!triggered && acknowledged.size() >= triggerAt) {
                triggered = true;
                trigger.run();
            }
        }
        stopped = true;
        sender.join(5_000);
    }

    /** After a reconnect: resumes every open exchange and waits until all are complete. */
    void resume(TestMqttClient client, Duration timeout) {
        synchronized (this) {
            for (Map.Entry<Integer, Open> e : open.entrySet()) {
                client.send(e.getValue().state() == State.SENT ? publish(e.getValue().number(), e.getKey(), true)
                        : new MqttPubRel(e.getKey()));
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (openCount() > 0) {
            handle(client, client.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))));
        }
    }

    private synchronized void handle(TestMqttClient client, MqttPacket p) {
        if (p instanceof MqttPubRec rec) {
            Open o = open.get(rec.packetId());
            if (o == null) {
                throw new AssertionError("PUBREC for packet id " + rec.packetId() + " that is not open");
            }
            if (rec.reasonCode().isError()) {
                throw new AssertionError("message " + o.number() + " refused: " + rec);
            }
            acknowledged.add(o.number());
            open.put(rec.packetId(), new Open(o.number(), State.RECEIVED));
            client.send(new MqttPubRel(rec.packetId()));
        } else if (p instanceof MqttPubComp comp) {
            Open o = open.remove(comp.packetId());
            if (o != null) {
                completed.add(o.number());
                window.release();
            }
        } else {
            throw new AssertionError("unexpected packet " + p);
        }
    }

    private MqttPublish publish(int n, int packetId, boolean dup) {
        return new MqttPublish(dup, MqttQos.EXACTLY_ONCE, false, topic, packetId, MqttProperties.EMPTY,
                ("m-" + n).getBytes(StandardCharsets.UTF_8));
    }

    synchronized int openCount() {
        return open.size();
    }

    Set<Integer> sent() {
        return Set.copyOf(sent);
    }

    Set<Integer> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    Set<Integer> completed() {
        return Set.copyOf(completed);
    }
}
