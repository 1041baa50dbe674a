package io.mqttharness.load.action;

import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttSubAck;
import io.mqttharness.codec.packet.MqttSubscribe;
import io.mqttharness.codec.packet.MqttSubscription;
import io.mqttharness.codec.reason.MqttSubAckReasonCode;
import io.mqttharness.load.client.AckListener;
import io.mqttharness.load.client.MqttClientConnection;
import io.mqttharness.load.e2e.MessageRecorder;
import io.mqttharness.load.protocol.MqttComponents;
import io.mqttharness.load.protocol.MqttProtocol;
import java.util.List;
import java.util.function.Function;

/**
 * Subscribes to one topic filter and waits for a SUBACK that grants it; from then on the connection records
 * every received sensor message as an end-to-end latency response, counted for this subscriber (or its
 * shared-subscription group). A granted QoS below the requested one is OK (the broker may downgrade).
 */
final class MqttSubscribeAction extends MqttAction {
    private final Function<Session, String> topicFilter;
    private final MqttSubscription options;

    MqttSubscribeAction(String requestName, MqttComponents components, Action next,
            Function<Session, String> topicFilter, MqttSubscription options) {
        super(requestName, components, next);
        this.topicFilter = topicFilter;
        this.options = options;
    }

    @Override
    protected void run(Session session, long start) {
        MqttClientConnection connection = requireConnection(session, start);
        if (connection == null) {
            return;
        }
        MqttProtocol protocol = components.protocol();
        boolean v5Options = options.noLocal() || options.retainAsPublished() || options.retainHandling() != 0;
        if (v5Options && !protocol.version().isV5()) {
            ko(session, requestName, start, "subscription options noLocal/retainAsPublished/retainHandling "
                    + "need MQTT 5");
            return;
        }
        String filter = topicFilter.apply(session);
        int packetId = connection.nextPacketId();
        if (packetId < 0) {
            ko(session, requestName, start, "no free packet identifier: 65,535 acknowledgements outstanding");
            return;
        }
        if (connection.recorder() == null) {
            connection.recorder(new MessageRecorder(stats, clock, session.scenario(), session.groups(),
                    protocol.latencyTracker(), protocol.metrics(), protocol.e2eRequestName(), connection.clientId()));
        }
        MessageRecorder recorder = connection.recorder();
        connection.awaitAck(packetId, MqttPacketType.SUBACK, new AckListener() {
            @Override
            public void onAck(MqttPacket packet) {
                List<MqttSubAckReasonCode> codes = ((MqttSubAck) packet).reasonCodes();
                if (codes.size() != 1) {
                    ko(session, requestName, start, "SUBACK with " + codes.size() + " reason codes for 1 filter");
                } else if (codes.get(0).isError()) {
                    ko(session, requestName, start, "SUBACK refused " + filter + ": " + codes.get(0));
                } else {
                    ok(session, requestName, start);
                }
            }

            @Override
            public void onFailure(String message) {
                ko(session, requestName, start, message);
            }
        });
        // registered before SUBSCRIBE leaves: the broker may deliver (retained) messages before the SUBACK
        recorder.subscribed(filter);
        connection.send(new MqttSubscribe(packetId, List.of(new MqttSubscription(filter, options.qos(),
                options.noLocal(), options.retainAsPublished(), options.retainHandling())), MqttProperties.EMPTY));
    }
}
