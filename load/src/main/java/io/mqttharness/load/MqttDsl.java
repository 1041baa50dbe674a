package io.mqttharness.load;

import io.mqttharness.load.protocol.MqttProtocolBuilder;

/**
 * Static entry point of the MQTT Gatling DSL, in the style of Gatling's {@code JmsDsl}:
 *
 * <pre>{@code
 * import static io.mqttharness.load.MqttDsl.mqtt;
 *
 * MqttProtocolBuilder protocol = mqtt().broker("127.0.0.1", 1883).mqtt5().keepAlive(Duration.ofSeconds(30));
 * scenario("sensor").exec(
 *     mqtt("connect").connect(),
 *     mqtt("publish").publish("sensors/#{sensorId}").sensorPayload("#{sensorId}", 64).qos(1),
 *     mqtt("disconnect").disconnect());
 * }</pre>
 *
 * Our own protocol, because Gatling's MQTT plugin is limited to 5 users in its community edition.
 */
public final class MqttDsl {
    private MqttDsl() {
    }

    /** A protocol builder with default settings (see {@link MqttProtocolBuilder}). */
    public static MqttProtocolBuilder mqtt() {
        return MqttProtocolBuilder.defaults();
    }

    /** Actions whose results are logged under {@code requestName}. */
    public static MqttRequests mqtt(String requestName) {
        return new MqttRequests(requestName);
    }
}
