package io.mqttharness.broker.connection;

import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.packet.MqttAuth;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.packet.MqttSubAck;
import io.mqttharness.codec.packet.MqttUnsubAck;

/**
 * Removes the Reason String and User Properties of a packet the broker sends: when the client asked for no
 * problem information (MQTT-3.1.2-29 in 5.0: only CONNACK, DISCONNECT and PUBLISH may carry them then) or when
 * they would push the packet over the client's Maximum Packet Size (MQTT-3.1.2-24 and the per-packet "MUST NOT
 * send this property if it would increase the size beyond the Maximum Packet Size" rules of MQTT 5.0: CONNACK
 * MQTT-3.2.2-19/20, PUBACK MQTT-3.4.2-2/3, PUBREC MQTT-3.5.2-2/3, PUBREL MQTT-3.6.2-2/3, PUBCOMP MQTT-3.7.2-2/3,
 * SUBACK MQTT-3.9.2-1/2, UNSUBACK MQTT-3.11.2-1/2, DISCONNECT MQTT-3.14.2-3/4, AUTH MQTT-3.15.2-2/3).
 * PUBLISH is never changed: its User Properties belong to the application message.
 */
final class ProblemInformation {
    private ProblemInformation() {
    }

    /** True when the packet type carries problem information that may be stripped. */
    static boolean has(MqttPacket packet) {
        MqttProperties p = properties(packet);
        return p != null && (p.reasonString() != null || !p.userProperties().isEmpty());
    }

    /** Whether MQTT-3.1.2-29 forbids problem information on this packet type when it was not requested. */
    static boolean forbiddenWithoutRequest(MqttPacket packet) {
        return !(packet instanceof MqttConnAck || packet instanceof MqttDisconnect);
    }

    static MqttPacket strip(MqttPacket packet) {
        MqttProperties p = properties(packet);
        if (p == null) {
            return packet;
        }
        MqttProperties q = p.toBuilder().reasonString(null).userProperties(null).build();
        if (packet instanceof MqttConnAck c) {
            return new MqttConnAck(c.sessionPresent(), c.reasonCode(), q);
        } else if (packet instanceof MqttDisconnect d) {
            return new MqttDisconnect(d.reasonCode(), q);
        } else if (packet instanceof MqttPubAck a) {
            return new MqttPubAck(a.packetId(), a.reasonCode(), q);
        } else if (packet instanceof MqttPubRec a) {
            return new MqttPubRec(a.packetId(), a.reasonCode(), q);
        } else if (packet instanceof MqttPubRel a) {
            return new MqttPubRel(a.packetId(), a.reasonCode(), q);
        } else if (packet instanceof MqttPubComp a) {
            return new MqttPubComp(a.packetId(), a.reasonCode(), q);
        } else if (packet instanceof MqttSubAck a) {
            return new MqttSubAck(a.packetId(), a.reasonCodes(), q);
        } else if (packet instanceof MqttUnsubAck a) {
            return new MqttUnsubAck(a.packetId(), a.reasonCodes(), q);
        } else if (packet instanceof MqttAuth a) {
            return new MqttAuth(a.reasonCode(), q);
        }
        return packet;
    }

    private static MqttProperties properties(MqttPacket packet) {
        if (packet instanceof MqttConnAck c) {
            return c.properties();
        } else if (packet instanceof MqttDisconnect d) {
            return d.properties();
        } else if (packet instanceof MqttPubAck a) {
            return a.properties();
        } else if (packet instanceof MqttPubRec a) {
            return a.properties();
        } else if (packet instanceof MqttPubRel a) {
            return a.properties();
        } else if (packet instanceof MqttPubComp a) {
            return a.properties();
        } else if (packet instanceof MqttSubAck a) {
            return a.properties();
        } else if (packet instanceof MqttUnsubAck a) {
            return a.properties();
        } else if (packet instanceof MqttAuth a) {
            return a.properties();
        }
        return null;
    }
}
