package io.mqttharness.load.action;

import io.gatling.core.session.Session;
import io.gatling.javaapi.core.ActionBuilder;
import java.util.function.Function;

/** DSL builder of an unsubscribe action: {@code mqtt("unsub").unsubscribe("sensors/#")}. Immutable. */
public final class MqttUnsubscribeBuilder implements ActionBuilder {
    private final String requestName;
    private final Function<Session, String> topicFilter;

    public MqttUnsubscribeBuilder(String requestName, Function<Session, String> topicFilter) {
        this.requestName = requestName;
        this.topicFilter = topicFilter;
    }

    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        return (ctx, next) -> new MqttUnsubscribeAction(requestName, Components.of(ctx), next, topicFilter);
    }
}
