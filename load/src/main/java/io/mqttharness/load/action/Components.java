package io.mqttharness.load.action;

import io.gatling.core.structure.ScenarioContext;
import io.mqttharness.load.protocol.MqttComponents;
import io.mqttharness.load.protocol.MqttProtocolKey;

/** Looks up the scenario's MQTT components; asking for them is also what makes Gatling run onStart/onExit. */
final class Components {
    private Components() {
    }

    static MqttComponents of(ScenarioContext ctx) {
        return ctx.protocolComponentsRegistry().components(MqttProtocolKey.INSTANCE);
    }
}
