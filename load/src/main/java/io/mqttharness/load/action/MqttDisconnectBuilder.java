package io.mqttharness.load.action;

import io.gatling.javaapi.core.ActionBuilder;

/** DSL builder of a disconnect action: {@code mqtt("disconnect").disconnect()}. Immutable. */
public final class MqttDisconnectBuilder implements ActionBuilder {
    private final String requestName;

    public MqttDisconnectBuilder(String requestName) {
        this.requestName = requestName;
    }

    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        return (ctx, next) -> new MqttDisconnectAction(requestName, Components.of(ctx), next);
    }
}
