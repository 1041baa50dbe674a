package io.mqttharness.load.action;

import io.gatling.javaapi.core.ActionBuilder;

/** DSL builder of a connect action: {@code mqtt("connect").connect()}. Immutable. */
public final class MqttConnectBuilder implements ActionBuilder {
    private final String requestName;

    public MqttConnectBuilder(String requestName) {
        this.requestName = requestName;
    }

    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        return (ctx, next) -> new MqttConnectAction(requestName, Components.of(ctx), next);
    }
}
