package io.mqttharness.broker.persistence;

import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.MqttQos;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Receives and acknowledges PUBLISH packets on a connected client (PUBACK; PUBREC and, on PUBREL, PUBCOMP) in
 * whatever order they interleave, collecting them.
 */
final class Receiver {
    private final TestMqttClient client;
    private final List<MqttPublish> received = new ArrayList<>();

    Receiver(TestMqttClient client) {
        this.client = client;
    }

    List<MqttPublish> received() {
        return received;
    }

    /** Receives until {@code done} holds for what was received; fails after {@code timeout}. */
    Receiver until(Predicate<List<MqttPublish>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(received)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("condition not met within " + timeout.toMillis() + " ms; received "
                        + received.size() + " messages");
            }
            handle(client.next(Duration.ofNanos(left)));
        }
        return this;
    }

    /** Receives until no packet arrives for {@code quiet} (the connection may close). */
    Receiver drain(Duration quiet) {
        while (true) {
            MqttPacket p;
            try {
                p = client.next(quiet);
            } catch (AssertionError silentOrClosed) {
                return this;
            }
            handle(p);
        }
    }

    private void handle(MqttPacket p) {
        if (p instanceof MqttPublish publish) {
            received.add(publish);
            if (publish.qos() == MqttQos.AT_LEAST_ONCE) {
                client.send(new MqttPubAck(publish.packetId()));
            } else if (publish.qos() == MqttQos.EXACTLY_ONCE) {
                client.send(new MqttPubRec(publish.packetId()));
            }
        } else if (p instanceof MqttPubRel rel) {
            client.send(new MqttPubComp(rel.packetId()));
        } else {
            throw new AssertionError("unexpected packet " + p);
        }
    }
}
