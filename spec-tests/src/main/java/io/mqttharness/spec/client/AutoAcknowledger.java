package io.mqttharness.spec.client;

import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.packet.MqttPublish;

/**
 * The {@code auto_ack} behaviour of a client: answers QoS 1 and 2 flows as a well-behaved client would, so that
 * scenarios about something else need not script every acknowledgement. PUBLISH packets stay visible to
 * expectations; the acknowledgements of the flows (PUBACK, PUBREC, PUBREL, PUBCOMP) are consumed here.
 */
final class AutoAcknowledger {
    private AutoAcknowledger() {
    }

    /** Answers the packet if it belongs to a QoS flow; returns true when it must not reach the inbox. */
    static boolean handle(ScriptedClient client, ReceivedPacket received) {
        Object p = received.packet();
        if (p instanceof MqttPublish publish) {
            switch (publish.qos()) {
                case AT_LEAST_ONCE -> client.sendAuto(new MqttPubAck(publish.packetId()));
                case EXACTLY_ONCE -> client.sendAuto(new MqttPubRec(publish.packetId()));
                default -> { }
            }
            return false;
        }
        if (p instanceof MqttPubRel rel) {
            client.sendAuto(new MqttPubComp(rel.packetId()));
            return true;
        }
        if (p instanceof MqttPubRec rec) {
            if (!rec.reasonCode().isError()) {
                client.sendAuto(new MqttPubRel(rec.packetId()));
            }
            return true;
        }
        return p instanceof MqttPubAck || p instanceof MqttPubComp;
    }
}
