package io.mqttharness.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.mqttharness.load.MqttDsl.mqtt;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.mqttharness.load.e2e.E2eLatencyTracker;
import io.mqttharness.load.metrics.LoadMetrics;
import io.mqttharness.load.protocol.MqttProtocolBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Compile-only check of the whole DSL surface: if a DSL method changes shape, this stops compiling. Never run
 * (its name does not match the surefire patterns).
 */
@SuppressWarnings("unused")
public class MqttDslCompileCheck extends Simulation {
    private final MqttProtocolBuilder protocol = mqtt()
            .broker("127.0.0.1", 1883)
            .mqtt311()
            .mqtt5()
            .version("5")
            .credentials("user", "secret")
            .keepAlive(Duration.ofSeconds(30))
            .cleanStart(false)
            .sessionExpiry(Duration.ofMinutes(5))
            .clientId("sensor-#{sensorId}")
            .clientId(session -> "sensor-" + session.userId())
            .connectTimeout(Duration.ofSeconds(5))
            .ackTimeout(Duration.ofSeconds(5))
            .latencyTracker(new E2eLatencyTracker())
            .metrics(new LoadMetrics())
            .e2eRequestName("e2e")
            .target("wss://broker.example:443/mqtt")
            .target("tls://broker.example:8883")
            .tls()
            .webSocket("/ws")
            .trustAllCertificates()
            .serverName("broker.example");

    private final ScenarioBuilder scenario = scenario("dsl").exec(
            mqtt("connect").connect(),
            mqtt("subscribe").subscribe("sensors/#").qos(2),
            mqtt("subscribe fn").subscribe(session -> "sensors/" + session.getString("sensorId")).qos(0),
            mqtt("publish text").publish("sensors/#{sensorId}").payload("value #{value}").qos(0).retain(true),
            mqtt("publish bytes").publish("raw").payload("raw".getBytes(StandardCharsets.UTF_8)).qos(1),
            mqtt("publish fn").publish(session -> "t/" + session.userId())
                    .payload(session -> new byte[] {1, 2, 3}).qos(2),
            mqtt("publish sensor").publish("sensors/#{sensorId}").sensorPayload("#{sensorId}", 64).qos(1),
            mqtt("publish sensor fn").publish("sensors/x").sensorPayload(session -> session.getInt("sensorId"), 32),
            mqtt("connect persistent").connect().cleanStart(false).sessionExpiry(Duration.ofMinutes(1)),
            mqtt("subscribe v5").subscribe("sensors/+/t").qos(1).noLocal(true).retainAsPublished(true)
                    .retainHandling(2),
            mqtt("publish schedule").publish("sensors/#{sensorId}").sensorPayload("#{sensorId}", 64).qos(2)
                    .every(Duration.ofMillis(100), Duration.ofSeconds(10)),
            mqtt("await").expectMessages(3).topic("sensors/+/t").within(Duration.ofSeconds(2)).qos(1)
                    .payloadContains("x").sensorMessages().check(p -> p.payload().length > 0, "not empty"),
            mqtt("delivery").expectDelivery(Duration.ofSeconds(5)).inOrder().sharedFilter("$share/g/sensors/#"),
            mqtt("unsubscribe").unsubscribe("sensors/+/t"),
            mqtt("reconnect").reconnect(),
            mqtt("disconnect").disconnect());

    public MqttDslCompileCheck() {
        setUp(scenario.injectOpen(atOnceUsers(1)).protocols(protocol));
    }
}
