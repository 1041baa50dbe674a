package io.mqttharness.load.protocol;

import io.gatling.core.CoreComponents;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.core.protocol.Protocol;
import io.gatling.core.protocol.ProtocolKey;
import scala.Function1;

/** Gatling's lookup key for {@link MqttProtocol} and its per-scenario {@link MqttComponents}. */
public final class MqttProtocolKey implements ProtocolKey<MqttProtocol, MqttComponents> {
    public static final MqttProtocolKey INSTANCE = new MqttProtocolKey();

    private MqttProtocolKey() {
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<Protocol> protocolClass() {
        return (Class) MqttProtocol.class;
    }

    /** Used when a scenario has MQTT actions but no {@code .protocols(mqtt()...)}: the builder's defaults. */
    @Override
    public MqttProtocol defaultProtocolValue(GatlingConfiguration configuration) {
        return MqttProtocolBuilder.defaults().protocol();
    }

    @Override
    public Function1<MqttProtocol, MqttComponents> newComponents(CoreComponents core) {
        return protocol -> new MqttComponents(protocol, core);
    }
}
