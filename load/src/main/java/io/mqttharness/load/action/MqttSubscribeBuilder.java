package io.mqttharness.load.action;

import io.gatling.core.session.Session;
import io.gatling.javaapi.core.ActionBuilder;
import io.mqttharness.codec.MqttQos;
import java.util.function.Function;

/** DSL builder of a subscribe action: {@code mqtt("sub").subscribe("sensors/#").qos(1)}. Immutable. */
public final class MqttSubscribeBuilder implements ActionBuilder {
    private final String requestName;
    private final Function<Session, String> topicFilter;
    private final MqttQos qos;

    public MqttSubscribeBuilder(String requestName, Function<Session, String> topicFilter, MqttQos qos) {
        this.requestName = requestName;
        this.topicFilter = topicFilter;
        this.qos = qos;
    }

    /** Maximum QoS requested, 0..2 (default 0). */
    public MqttSubscribeBuilder qos(int qos) {
        return new MqttSubscribeBuilder(requestName, topicFilter, MqttQos.fromCode(qos));
    }

    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        return (ctx, next) -> new MqttSubscribeAction(requestName, Components.of(ctx), next, topicFilter, qos);
    }
}
