package io.mqttharness.load.action;

import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.mqttharness.load.client.MqttClientConnection;
import io.mqttharness.load.protocol.MqttComponents;

/**
 * Sends DISCONNECT and closes the channel; timed until the channel is closed (by the broker, or by the client
 * after {@link MqttClientConnection#DISCONNECT_GRACE_MILLIS}). The closed connection stays in
 * the session so that a later reconnect uses the same client identifier and subscriber bookkeeping.
 */
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
        connection.disconnect(() -> ok(session, requestName, start));
    }
}
