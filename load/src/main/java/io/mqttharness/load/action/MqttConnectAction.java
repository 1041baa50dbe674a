package io.mqttharness.load.action;

import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.load.client.AckListener;
import io.mqttharness.load.client.MqttClientConnection;
import io.mqttharness.load.protocol.MqttComponents;

/** Opens the user's connection and waits for a successful CONNACK; timed from TCP connect to CONNACK. */
final class MqttConnectAction extends MqttAction {
    MqttConnectAction(String requestName, MqttComponents components, Action next) {
        super(requestName, components, next);
    }

    @Override
    protected void run(Session session, long start) {
        if (MqttClientConnection.of(session).map(MqttClientConnection::isOpen).orElse(false)) {
            ko(session, requestName, start, "already connected: disconnect() first");
            return;
        }
        String clientId = components.protocol().clientId().apply(session);
        MqttClientConnection[] holder = new MqttClientConnection[1];
        holder[0] = MqttClientConnection.open(components, session, clientId, new AckListener() {
            @Override
            public void onAck(MqttPacket packet) {
                MqttConnAck connAck = (MqttConnAck) packet;
                if (connAck.reasonCode().isError()) {
                    holder[0].close();
                    ko(session, requestName, start, "CONNACK refused: " + connAck.reasonCode());
                } else {
                    ok(session.set(MqttClientConnection.ATTRIBUTE, holder[0]), requestName, start);
                }
            }

            @Override
            public void onFailure(String message) {
                ko(session, requestName, start, message);
            }
        });
    }
}
