package io.mqttharness.load.action;

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
import java.util.function.Consumer;

/**
 * One PUBLISH and its acknowledgement steps, each logged as its own response: QoS 0 until written, QoS 1 until
 * PUBACK under the request name, QoS 2 as {@code "<name> PUBREC"} (PUBLISH to PUBREC) and {@code "<name> PUBCOMP"}
 * (PUBREL to PUBCOMP). Shared by the single publish and the scheduled publish loop.
 */
final class PublishFlow {
    /** Where the steps are logged. */
    interface Steps {
        void log(Session session, String request, long startMillis, boolean ok, String message);

        long nowMillis();
    }

    private final String requestName;
    private final MqttQos qos;
    private final boolean retain;
    private final Steps steps;

    PublishFlow(String requestName, MqttQos qos, boolean retain, Steps steps) {
        this.requestName = requestName;
        this.qos = qos;
        this.retain = retain;
        this.steps = steps;
    }

    /**
     * Publishes; {@code published} runs once the broker took the message (PUBACK / PUBREC / written), and
     * {@code done} gets {@code null} when the whole flow succeeded or the KO message (already logged).
     */
    void send(Session session, MqttClientConnection connection, String topic, byte[] payload, Runnable published,
            Consumer<String> done) {
        long start = steps.nowMillis();
        int packetId = 0;
        if (qos != MqttQos.AT_MOST_ONCE) {
            packetId = connection.nextPacketId();
            if (packetId < 0) {
                fail(session, requestName, start, "no free packet identifier: 65,535 acknowledgements outstanding", done);
                return;
            }
        }
        MqttPublish publish = new MqttPublish(false, qos, retain, topic, packetId, MqttProperties.EMPTY, payload);
        switch (qos) {
            case AT_MOST_ONCE -> connection.send(publish).addListener(f -> {
                if (f.isSuccess()) {
                    published.run();
                    succeed(session, requestName, start, done);
                } else {
                    fail(session, requestName, start, "write failed: " + f.cause(), done);
                }
            });
            case AT_LEAST_ONCE -> {
                connection.awaitAck(packetId, MqttPacketType.PUBACK, listener(session, requestName, start, done, packet -> {
                    MqttPubAck ack = (MqttPubAck) packet;
                    if (ack.reasonCode().isError()) {
                        fail(session, requestName, start, "PUBACK " + ack.reasonCode(), done);
                    } else {
                        published.run();
                        succeed(session, requestName, start, done);
                    }
                }));
                connection.send(publish);
            }
            case EXACTLY_ONCE -> {
                int id = packetId;
                String recName = requestName + " PUBREC";
                connection.awaitAck(packetId, MqttPacketType.PUBREC, listener(session, recName, start, done, packet -> {
                    MqttPubRec rec = (MqttPubRec) packet;
                    if (rec.reasonCode().isError()) {
                        fail(session, recName, start, "PUBREC " + rec.reasonCode(), done);
                        return;
                    }
                    steps.log(session, recName, start, true, null);
                    published.run();
                    release(session, connection, id, done);
                }));
                connection.send(publish);
            }
            default -> throw new IllegalStateException("unknown QoS " + qos);
        }
    }

    private void release(Session session, MqttClientConnection connection, int packetId, Consumer<String> done) {
        String compName = requestName + " PUBCOMP";
        long start = steps.nowMillis();
        connection.awaitAck(packetId, MqttPacketType.PUBCOMP, listener(session, compName, start, done, packet -> {
            MqttPubComp comp = (MqttPubComp) packet;
            if (comp.reasonCode().isError()) {
                fail(session, compName, start, "PUBCOMP " + comp.reasonCode(), done);
            } else {
                succeed(session, compName, start, done);
            }
        }));
        connection.send(new MqttPubRel(packetId, MqttPubRelReasonCode.SUCCESS, MqttProperties.EMPTY));
    }

    private void succeed(Session session, String request, long start, Consumer<String> done) {
        steps.log(session, request, start, true, null);
        done.accept(null);
    }

    private void fail(Session session, String request, long start, String message, Consumer<String> done) {
        steps.log(session, request, start, false, message);
        done.accept(message);
    }

    private AckListener listener(Session session, String request, long start, Consumer<String> done, Consumer<MqttPacket> onAck) {
        return new AckListener() {
            @Override
            public void onAck(MqttPacket packet) {
                onAck.accept(packet);
            }

            @Override
            public void onFailure(String message) {
                fail(session, request, start, message, done);
            }
        };
    }
}
