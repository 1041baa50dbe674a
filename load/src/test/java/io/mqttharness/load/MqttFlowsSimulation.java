package io.mqttharness.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.mqttharness.load.MqttDsl.mqtt;

import io.gatling.javaapi.core.Simulation;
import io.mqttharness.load.e2e.E2eLatencyTracker;
import io.mqttharness.load.protocol.MqttProtocolBuilder;
import java.time.Duration;

/**
 * Test simulation for {@link MqttFlowsTest}: QoS 2 and QoS 0 publishing under MQTT 5, plus two users that
 * must fail (connect to a closed port, to a
 * server that never sends CONNACK, publish without connecting), and a disconnect from a server that never closes
 * the connection ({@link LingeringBroker}). Ports come from system properties.
 */
public class MqttFlowsSimulation extends Simulation {
    static final E2eLatencyTracker TRACKER = new E2eLatencyTracker();

    public MqttFlowsSimulation() {
        int port = Integer.getInteger("flows.port");
        int closedPort = Integer.getInteger("flows.closedPort");
        int silentPort = Integer.getInteger("flows.silentPort");
        int lingeringPort = Integer.getInteger("flows.lingeringPort");
        MqttProtocolBuilder protocol = mqtt().broker("127.0.0.1", port).mqtt5()
                .sessionExpiry(Duration.ZERO).latencyTracker(TRACKER).connectTimeout(Duration.ofSeconds(2));

        setUp(
                scenario("subscriber").exec(
                        mqtt("connect").connect(),
                        mqtt("subscribe q2").subscribe("flows/#").qos(2),
                        pause(Duration.ofSeconds(3)),
                        mqtt("disconnect").disconnect())
                        .injectOpen(atOnceUsers(1)).protocols(protocol),
                scenario("publisher").exec(
                        mqtt("connect").connect(),
                        repeat(5).on(mqtt("publish q2").publish("flows/q2").sensorPayload("7", 40).qos(2)),
                        repeat(5).on(mqtt("publish q0").publish("flows/q0").payload("hello").qos(0)),
                        mqtt("disconnect").disconnect())
                        .injectOpen(nothingFor(Duration.ofSeconds(1)), atOnceUsers(1)).protocols(protocol),
                scenario("refused").exec(mqtt("connect closed port").connect())
                        .injectOpen(atOnceUsers(1)).protocols(protocol.broker("127.0.0.1", closedPort)),
                scenario("silent").exec(mqtt("connect silent").connect())
                        .injectOpen(atOnceUsers(1))
                        .protocols(protocol.broker("127.0.0.1", silentPort).connectTimeout(Duration.ofMillis(500))),
                scenario("lingering").exec(
                        mqtt("connect lingering").connect(),
                        mqtt("disconnect lingering").disconnect())
                        .injectOpen(atOnceUsers(1)).protocols(protocol.broker("127.0.0.1", lingeringPort)),
                scenario("unconnected").exec(mqtt("publish unconnected").publish("flows/x").qos(1))
                        .injectOpen(atOnceUsers(1)).protocols(protocol));
    }
}
