package io.mqttharness.load;

import io.mqttharness.load.action.MqttConnectBuilder;
import io.mqttharness.load.action.MqttDisconnectBuilder;
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

    public MqttDisconnectBuilder disconnect() {
        return new MqttDisconnectBuilder(requestName);
    }
}
