package io.mqttharness.load.action;

import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttUnsubAck;
import io.mqttharness.codec.packet.MqttUnsubscribe;
import io.mqttharness.load.client.AckListener;
import io.mqttharness.load.client.MqttClientConnection;
import io.mqttharness.load.protocol.MqttComponents;
import java.util.List;
import java.util.function.Function;

/** Unsubscribes from one topic filter and waits for the UNSUBACK (MQTT 5: its reason code must not be an error). */
final class MqttUnsubscribeAction extends MqttAction {
    private final Function<Session, String> topicFilter;

    MqttUnsubscribeAction(String requestName, MqttComponents components, Action next,
            Function<Session, String> topicFilter) {
        super(requestName, components, next);
        this.topicFilter = topicFilter;
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
        connection.awaitAck(packetId, MqttPacketType.UNSUBACK, new AckListener() {
            @Override
            public void onAck(MqttPacket packet) {
                MqttUnsubAck ack = (MqttUnsubAck) packet;
                var error = ack.reasonCodes().stream().filter(c -> c.isError()).findFirst();
                if (error.isPresent()) {
                    ko(session, requestName, start, "UNSUBACK " + filter + ": " + error.get());
                    return;
                }
                if (connection.recorder() != null) {
                    connection.recorder().unsubscribed(filter);
                }
                ok(session, requestName, start);
            }

            @Override
            public void onFailure(String message) {
                ko(session, requestName, start, message);
            }
        });
        connection.send(new MqttUnsubscribe(packetId, List.of(filter), MqttProperties.EMPTY));
    }
}
