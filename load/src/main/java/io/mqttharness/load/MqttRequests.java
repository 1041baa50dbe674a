package io.mqttharness.load;

import io.mqttharness.load.action.MqttConnectBuilder;
import io.mqttharness.load.action.MqttDeliveryCheckBuilder;
import io.mqttharness.load.action.MqttDisconnectBuilder;
import io.mqttharness.load.action.MqttExpectBuilder;
import io.mqttharness.load.action.MqttUnsubscribeBuilder;
import io.mqttharness.load.action.MqttPublishBuilder;
import io.mqttharness.load.action.MqttSubscribeBuilder;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.load.internal.ScalaGlue;
import java.util.function.Function;

/** The actions that can be logged under one request name: {@code MqttDsl.mqtt("name")}. Immutable. */
public final class MqttRequests {
    private final String requestName;

    MqttRequests(String requestName) {
        if (requestName == null || requestName.isBlank()) {
            throw new IllegalArgumentException("MQTT request name must not be blank");
        }
        this.requestName = requestName;
    }

    public MqttConnectBuilder connect() {
        return new MqttConnectBuilder(requestName);
    }

    /** Subscribe to a topic filter given as a Gatling EL string. */
    public MqttSubscribeBuilder subscribe(String topicFilterEl) {
        return new MqttSubscribeBuilder(requestName, ScalaGlue.elString(topicFilterEl), MqttQos.AT_MOST_ONCE);
    }

    public MqttSubscribeBuilder subscribe(Function<io.gatling.javaapi.core.Session, String> topicFilter) {
        return new MqttSubscribeBuilder(requestName, ScalaGlue.javaFunction(topicFilter), MqttQos.AT_MOST_ONCE);
    }

    /** Publish to a topic name given as a Gatling EL string. */
    public MqttPublishBuilder publish(String topicEl) {
        return new MqttPublishBuilder(requestName, ScalaGlue.elString(topicEl));
    }

    public MqttPublishBuilder publish(Function<io.gatling.javaapi.core.Session, String> topic) {
        return new MqttPublishBuilder(requestName, ScalaGlue.javaFunction(topic));
    }

    /** Unsubscribe from a topic filter given as a Gatling EL string. */
    public MqttUnsubscribeBuilder unsubscribe(String topicFilterEl) {
        return new MqttUnsubscribeBuilder(requestName, ScalaGlue.elString(topicFilterEl));
    }

    /** Wait for {@code count} messages on the user's connection (topic, timeout and checks on the builder). */
    public MqttExpectBuilder expectMessages(int count) {
        return new MqttExpectBuilder(requestName, count);
    }

    /**
     * Wait until every message published to this subscriber's topics has arrived (KO naming the missing count
     * after {@code timeout}); for QoS 1/2, where a lost message is a failure.
     */
    public MqttDeliveryCheckBuilder expectDelivery(java.time.Duration timeout) {
        return new MqttDeliveryCheckBuilder(requestName, timeout);
    }

    /**
     * Reconnect and resume the persistent session: closes the current connection if it is still open (without
     * DISCONNECT, like a network drop), connects with the same client identifier and Clean Start 0, and is a KO
     * unless the CONNACK says Session Present.
     */
    public MqttConnectBuilder reconnect() {
        return MqttConnectBuilder.resume(requestName);
    }

    public MqttDisconnectBuilder disconnect() {
        return new MqttDisconnectBuilder(requestName);
    }
}
