package io.mqttharness.broker.faults;

import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.packet.MqttPublish;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The receiving side of QoS 2 as the specification asks of a client (MQTT 5.0 section 4.3.3, method A): a PUBLISH is
 * delivered to the application once and its Packet Identifier remembered until PUBREL; a PUBLISH with a remembered
 * identifier is a retransmission, acknowledged again but not delivered again. That state lives here, across
 * connections, as it would in a client's persistent session, so the counts below are what an application would see.
 */
final class Qos2Receiver {
    private final Set<Integer> awaitingPubRel = new HashSet<>();
    private final Map<Integer, Integer> deliveries = new HashMap<>();
    private int retransmissions;

    /** Handles packets until the connection closes or nothing arrives for {@code quiet}. */
    void run(TestMqttClient client, Duration quiet) {
        while (true) {
            MqttPacket p;
            try {
                p = client.next(quiet);
            } catch (AssertionError closedOrQuiet) {
                return;
            }
            handle(client, p);
        }
    }

    private synchronized void handle(TestMqttClient client, MqttPacket p) {
        if (p instanceof MqttPublish publish) {
            if (publish.qos() != MqttQos.EXACTLY_ONCE) {
                throw new AssertionError("expected QoS 2, got " + publish);
            }
            if (awaitingPubRel.add(publish.packetId())) {
                deliveries.merge(number(publish), 1, Integer::sum);
            } else {
                retransmissions++;
            }
            client.send(new MqttPubRec(publish.packetId()));
        } else if (p instanceof MqttPubRel rel) {
            awaitingPubRel.remove(rel.packetId());
            client.send(new MqttPubComp(rel.packetId()));
        } else {
            throw new AssertionError("unexpected packet " + p);
        }
    }

    /** Message number to how often the application got it. */
    synchronized Map<Integer, Integer> deliveries() {
        return Map.copyOf(deliveries);
    }

    /** PUBLISH packets recognised as retransmissions of a message already delivered. */
    synchronized int retransmissions() {
        return retransmissions;
    }

    static int number(MqttPublish p) {
        return Integer.parseInt(new String(p.payload(), StandardCharsets.UTF_8).substring(2));
    }
}
