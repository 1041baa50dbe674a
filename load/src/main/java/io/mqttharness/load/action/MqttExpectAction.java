package io.mqttharness.load.action;

import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.load.client.MessageWaiters;
import io.mqttharness.load.client.MqttClientConnection;
import io.mqttharness.load.protocol.MqttComponents;
import java.util.List;
import java.util.function.Predicate;

/** Waits for messages on the user's connection; see {@link MqttExpectBuilder}. Timed until the last one. */
final class MqttExpectAction extends MqttAction {
    private final int count;
    private final Predicate<MqttPublish> filter;
    private final Predicate<MqttPublish> check;
    private final String checkDescription;
    private final long timeoutMillis;

    MqttExpectAction(String requestName, MqttComponents components, Action next, int count,
            Predicate<MqttPublish> filter, Predicate<MqttPublish> check, String checkDescription, long timeoutMillis) {
        super(requestName, components, next);
        this.count = count;
        this.filter = filter;
        this.check = check;
        this.checkDescription = checkDescription;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    protected void run(Session session, long start) {
        MqttClientConnection connection = requireConnection(session, start);
        if (connection == null) {
            return;
        }
        connection.awaitMessages(count, filter, check, checkDescription, timeoutMillis, new MessageWaiters.Outcome() {
            @Override
            public void done(List<MqttPublish> matched) {
                ok(session, requestName, start);
            }

            @Override
            public void failed(String message, List<MqttPublish> matched) {
                ko(session, requestName, start, message);
            }
        });
    }
}
