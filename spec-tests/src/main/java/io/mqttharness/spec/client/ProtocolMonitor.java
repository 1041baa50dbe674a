package io.mqttharness.spec.client;

import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.packet.MqttSubAck;
import io.mqttharness.codec.packet.MqttSubscribe;
import io.mqttharness.codec.packet.MqttUnsubAck;
import io.mqttharness.codec.packet.MqttUnsubscribe;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Watches every packet a client receives, including those no step reads and those {@code auto_ack} consumes, for
 * protocol violations no conforming broker can commit whatever choices it makes: a second CONNACK on one network
 * connection, and an acknowledgement (PUBACK, PUBREC, PUBCOMP, SUBACK, UNSUBACK) carrying a Packet Identifier this
 * client never used in the matching request. Without it such a broker could pass a scenario whose steps happen not
 * to read the packet. Identifiers are remembered for the client's whole life (all its connections), so that
 * retransmissions after a reconnect are never mistaken for violations; once the client sent raw bytes or forced
 * fixed header flags, its requests are no longer known and only the CONNACK check stays. Thread safe.
 */
public final class ProtocolMonitor {
    /** One violation: what happened and the normative statement it breaks ({@code null} when none names it). */
    public record Violation(String description, String statementId) {
    }

    private final MqttVersion version;
    private final Set<Integer> published = new HashSet<>();
    private final Set<Integer> released = new HashSet<>();
    private final Set<Integer> subscribed = new HashSet<>();
    private final Set<Integer> unsubscribed = new HashSet<>();
    private final List<Violation> violations = new ArrayList<>();
    private boolean untracked;
    private int connAcks;

    ProtocolMonitor(MqttVersion version) {
        this.version = version;
    }

    /** A new network connection: CONNACKs are counted per connection. */
    synchronized void newConnection() {
        connAcks = 0;
    }

    /** A structured packet the client sent. */
    synchronized void sent(MqttPacket packet) {
        if (packet instanceof MqttPublish p && p.qos() != MqttQos.AT_MOST_ONCE) {
            published.add(p.packetId());
        } else if (packet instanceof MqttPubRel p) {
            released.add(p.packetId());
        } else if (packet instanceof MqttSubscribe p) {
            subscribed.add(p.packetId());
        } else if (packet instanceof MqttUnsubscribe p) {
            unsubscribed.add(p.packetId());
        }
    }

    /** Raw bytes or forced flags went out: from now on this client's requests are unknown. */
    synchronized void untracked() {
        untracked = true;
    }

    synchronized void received(ReceivedPacket received) {
        MqttPacket p = received.packet();
        if (p instanceof MqttConnAck && ++connAcks == 2) {
            violations.add(new Violation("a second CONNACK on one network connection: " + received.summary(),
                    version.isV5() ? "MQTT-3.2.0-2" : null));
        }
        if (untracked) {
            return;
        }
        String ackStatement = version.isV5() ? "MQTT-2.2.1-5" : "MQTT-2.3.1-6";
        String subStatement = version.isV5() ? "MQTT-2.2.1-6" : "MQTT-2.3.1-7";
        if (p instanceof MqttPubAck a && !published.contains(a.packetId())) {
            unknown(received, a.packetId(), "QoS 1 PUBLISH", ackStatement);
        } else if (p instanceof MqttPubRec r && !published.contains(r.packetId())) {
            unknown(received, r.packetId(), "QoS 2 PUBLISH", ackStatement);
        } else if (p instanceof MqttPubComp c && !released.contains(c.packetId())) {
            unknown(received, c.packetId(), "PUBREL", ackStatement);
        } else if (p instanceof MqttSubAck s && !subscribed.contains(s.packetId())) {
            unknown(received, s.packetId(), "SUBSCRIBE", subStatement);
        } else if (p instanceof MqttUnsubAck u && !unsubscribed.contains(u.packetId())) {
            unknown(received, u.packetId(), "UNSUBSCRIBE", subStatement);
        }
    }

    private void unknown(ReceivedPacket received, int packetId, String request, String statement) {
        violations.add(new Violation(received.type() + " with packet id " + packetId + ", which this client never "
                + "used in a " + request, statement));
    }

    public synchronized List<Violation> violations() {
        return List.copyOf(violations);
    }
}
