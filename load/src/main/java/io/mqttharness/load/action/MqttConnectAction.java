package io.mqttharness.load.action;

import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.load.client.AckListener;
import io.mqttharness.load.client.ClientConnector;
import io.mqttharness.load.client.MqttClientConnection;
import io.mqttharness.load.protocol.MqttComponents;

/**
 * Opens the user's connection and waits for a successful CONNACK; timed from TCP connect to CONNACK. With
 * {@code resume} (reconnect) the previous connection is closed first, Clean Start is 0, and a CONNACK without
 * Session Present is a KO: the persistent session was not resumed.
 */
final class MqttConnectAction extends MqttAction {
    private final Boolean cleanStart;
    private final boolean resume;
    private final Long sessionExpirySeconds;

    MqttConnectAction(String requestName, MqttComponents components, Action next, Boolean cleanStart,
            boolean resume, Long sessionExpirySeconds) {
        super(requestName, components, next);
        this.cleanStart = resume ? Boolean.FALSE : cleanStart;
        this.resume = resume;
        this.sessionExpirySeconds = sessionExpirySeconds;
    }

    @Override
    protected void run(Session session, long start) {
        MqttClientConnection previous = MqttClientConnection.of(session).orElse(null);
        if (previous != null && previous.isOpen()) {
            if (!resume) {
                ko(session, requestName, start, "already connected: disconnect() first");
                return;
            }
            // a reconnect after a network drop: the old connection goes away without DISCONNECT, like a crash
            previous.close();
        }
        String clientId = previous != null && resume ? previous.clientId()
                : components.protocol().clientId().apply(session);
        MqttClientConnection[] holder = new MqttClientConnection[1];
        holder[0] = ClientConnector.open(components, session, clientId, cleanStart, sessionExpirySeconds,
                new AckListener() {
            @Override
            public void onAck(MqttPacket packet) {
                MqttConnAck connAck = (MqttConnAck) packet;
                if (connAck.reasonCode().isError()) {
                    holder[0].close();
                    ko(session, requestName, start, "CONNACK refused: " + connAck.reasonCode());
                    return;
                }
                Session connected = session.set(MqttClientConnection.ATTRIBUTE, holder[0]);
                if (resume && !connAck.sessionPresent()) {
                    ko(connected, requestName, start, "session not resumed: CONNACK Session Present is 0");
                } else {
                    ok(connected, requestName, start);
                }
            }

            @Override
            public void onFailure(String message) {
                ko(session, requestName, start, message);
            }
        });
        if (previous != null) {
            // queued messages may follow the CONNACK at once: the recorder must be in place before any read
            holder[0].resume(previous);
        }
    }
}
