package io.mqttharness.load.action;

import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttSubAck;
import io.mqttharness.codec.packet.MqttSubscribe;
import io.mqttharness.codec.packet.MqttSubscription;
import io.mqttharness.codec.reason.MqttSubAckReasonCode;
import io.mqttharness.load.client.AckListener;
import io.mqttharness.load.client.MqttClientConnection;
import io.mqttharness.load.e2e.MessageRecorder;
import io.mqttharness.load.protocol.MqttComponents;
import java.util.List;
import java.util.function.Function;

/**
 * Subscribes to one topic filter and waits for a SUBACK that grants it; from then on the connection records
 * every received sensor message as an end-to-end latency response.
 */
final class MqttSubscribeAction extends MqttAction {
    private final Function<Session, String> topicFilter;
    private final MqttQos qos;

    MqttSubscribeAction(String requestName, MqttComponents components, Action next,
            Function<Session, String> topicFilter, MqttQos qos) {
        super(requestName, components, next);
        this.topicFilter = topicFilter;
        this.qos = qos;
    }

    @Override
    protected void run(Session session, long start) {
        MqttClientConnection connection = requireConnection(session, start);
        if (connection == null) {
            return;
        }
        String filter = topicFilter.apply(session);
        int packetId = connection.nextPacketId();
        if (packetId < 0) {
            ko(session, requestName, start, "no free packet identifier: 65,535 acknowledgements outstanding");
            return;
        }
        connection.onMessage(new MessageRecorder(stats, clock, session.scenario(), session.groups(),
                components.protocol().latencyTracker(), components.protocol().e2eRequestName()));
        connection.awaitAck(packetId, MqttPacketType.SUBACK, new AckListener() {
            @Override
            public void onAck(MqttPacket packet) {
                MqttSubAckReasonCode code = ((MqttSubAck) packet).reasonCodes().get(0);
                if (code.isError()) {
                    ko(session, requestName, start, "SUBACK refused " + filter + ": " + code);
                } else {
                    ok(session, requestName, start);
                }
            }

            @Override
            public void onFailure(String message) {
                ko(session, requestName, start, message);
            }
        });
        connection.send(new MqttSubscribe(packetId, List.of(new MqttSubscription(filter, qos)),
                MqttProperties.EMPTY));
    }
}
