package io.mqttharness.load.action;

import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.reason.MqttPubRelReasonCode;
import io.mqttharness.load.client.AckListener;
import io.mqttharness.load.client.MqttClientConnection;
import io.mqttharness.load.e2e.SensorHeader;
import io.mqttharness.load.protocol.MqttComponents;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Publishes one message and times its acknowledgement: QoS 0 until written, QoS 1 until PUBACK, QoS 2 as two
 * requests, {@code "<name> PUBREC"} (PUBLISH to PUBREC) and {@code "<name> PUBCOMP"} (PUBREL to PUBCOMP).
 * A sensor message counts as published in the tracker once acknowledged (PUBACK / PUBREC) or written (QoS 0).
 */
final class MqttPublishAction extends MqttAction {
    private final Function<Session, String> topic;
    private final PublishPayload payload;
    private final MqttQos qos;
    private final boolean retain;

    MqttPublishAction(String requestName, MqttComponents components, Action next, Function<Session, String> topic,
            PublishPayload payload, MqttQos qos, boolean retain) {
        super(requestName, components, next);
        this.topic = topic;
        this.payload = payload;
        this.qos = qos;
        this.retain = retain;
    }

    @Override
    protected void run(Session session, long start) {
        MqttClientConnection connection = requireConnection(session, start);
        if (connection == null) {
            return;
        }
        String topicName = topic.apply(session);
        Session next = session;
        byte[] bytes;
        Runnable published;
        if (payload.isSensor()) {
            int sensorId = payload.sensorId().apply(session);
            String attribute = PublishPayload.sequenceAttribute(sensorId);
            long sequence = session.contains(attribute) ? (Long) session.attributes().apply(attribute) : 0L;
            next = session.set(attribute, sequence + 1);
            bytes = SensorHeader.now(sensorId, sequence).encode(payload.size());
            published = () -> components.protocol().latencyTracker().recordPublished(sensorId, sequence);
        } else {
            bytes = payload.bytes().apply(session);
            published = () -> { };
        }
        int packetId = 0;
        if (qos != MqttQos.AT_MOST_ONCE) {
            packetId = connection.nextPacketId();
            if (packetId < 0) {
                ko(next, requestName, start, "no free packet identifier: 65,535 acknowledgements outstanding");
                return;
            }
        }
        MqttPublish publish = new MqttPublish(false, qos, retain, topicName, packetId, MqttProperties.EMPTY, bytes);
        Session out = next;
        switch (qos) {
            case AT_MOST_ONCE -> connection.send(publish).addListener(f -> {
                if (f.isSuccess()) {
                    published.run();
                    ok(out, requestName, start);
                } else {
                    ko(out, requestName, start, "write failed: " + f.cause());
                }
            });
            case AT_LEAST_ONCE -> {
                connection.awaitAck(packetId, MqttPacketType.PUBACK, listener(out, requestName, start, packet -> {
                    MqttPubAck ack = (MqttPubAck) packet;
                    if (ack.reasonCode().isError()) {
                        ko(out, requestName, start, "PUBACK " + ack.reasonCode());
                    } else {
                        published.run();
                        ok(out, requestName, start);
                    }
                }));
                connection.send(publish);
            }
            case EXACTLY_ONCE -> {
                int id = packetId;
                String recName = requestName + " PUBREC";
                connection.awaitAck(packetId, MqttPacketType.PUBREC, listener(out, recName, start, packet -> {
                    MqttPubRec rec = (MqttPubRec) packet;
                    if (rec.reasonCode().isError()) {
                        ko(out, recName, start, "PUBREC " + rec.reasonCode());
                        return;
                    }
                    logStep(out, recName, start, true, null);
                    published.run();
                    release(connection, out, id);
                }));
                connection.send(publish);
            }
            default -> throw new IllegalStateException("unknown QoS " + qos);
        }
    }

    private void release(MqttClientConnection connection, Session session, int packetId) {
        String compName = requestName + " PUBCOMP";
        long start = clock.nowMillis();
        connection.awaitAck(packetId, MqttPacketType.PUBCOMP, listener(session, compName, start, packet -> {
            MqttPubComp comp = (MqttPubComp) packet;
            if (comp.reasonCode().isError()) {
                ko(session, compName, start, "PUBCOMP " + comp.reasonCode());
            } else {
                ok(session, compName, start);
            }
        }));
        connection.send(new MqttPubRel(packetId, MqttPubRelReasonCode.SUCCESS, MqttProperties.EMPTY));
    }

    private AckListener listener(Session session, String request, long start, Consumer<MqttPacket> onAck) {
        return new AckListener() {
            @Override
            public void onAck(MqttPacket packet) {
                onAck.accept(packet);
            }

            @Override
            public void onFailure(String message) {
                ko(session, request, start, message);
            }
        };
    }
}
