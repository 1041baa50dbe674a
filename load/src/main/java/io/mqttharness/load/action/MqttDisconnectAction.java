package io.mqttharness.load.action;

import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.mqttharness.load.client.MqttClientConnection;
import io.mqttharness.load.protocol.MqttComponents;

/** Sends DISCONNECT, closes the channel and forgets the connection; timed until the channel is closed. */
final class MqttDisconnectAction extends MqttAction {
    MqttDisconnectAction(String requestName, MqttComponents components, Action next) {
        super(requestName, components, next);
    }

    @Override
    protected void run(Session session, long start) {
        MqttClientConnection connection = requireConnection(session, start);
        if (connection == null) {
            return;
        }
        Session without = session.remove(MqttClientConnection.ATTRIBUTE);
        connection.disconnect(() -> ok(without, requestName, start));
    }
}
