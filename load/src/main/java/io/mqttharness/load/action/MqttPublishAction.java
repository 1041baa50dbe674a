package io.mqttharness.load.action;

import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.load.client.MqttClientConnection;
import io.mqttharness.load.protocol.MqttComponents;
import java.util.function.Function;

/**
 * Publishes one message and waits for its acknowledgement steps (see {@link PublishFlow}) before the user goes
 * on. A sensor message counts as published in the tracker once acknowledged (PUBACK / PUBREC) or written (QoS 0).
 */
final class MqttPublishAction extends MqttAction {
    private final Function<Session, String> topic;
    private final PublishPayload payload;
    private final PublishFlow flow;

    MqttPublishAction(String requestName, MqttComponents components, Action next, Function<Session, String> topic,
            PublishPayload payload, MqttQos qos, boolean retain) {
        super(requestName, components, next);
        this.topic = topic;
        this.payload = payload;
        this.flow = new PublishFlow(requestName, qos, retain, steps());
    }

    @Override
    protected void run(Session session, long start) {
        MqttClientConnection connection = requireConnection(session, start);
        if (connection == null) {
            return;
        }
        String topicName = topic.apply(session);
        SensorMessages.Next message = SensorMessages.next(session, payload, topicName,
                components.protocol().latencyTracker());
        Session out = message.session();
        flow.send(out, connection, topicName, message.bytes(), message.published(),
                failure -> proceed(failure == null ? out : out.markAsFailed()));
    }
}
