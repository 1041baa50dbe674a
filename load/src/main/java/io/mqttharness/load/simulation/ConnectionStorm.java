package io.mqttharness.load.simulation;

import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.mqttharness.load.MqttDsl.mqtt;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.mqttharness.load.run.LoadScenario;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Connections opened at a fixed rate: {@code sensors} connections, {@code rate} new connections per second in
 * total, each held until the last one has been open for {@code duration}, then closed. The {@code connect}
 * request's response time is the CONNACK latency (TCP connect to CONNACK); the run reports the most connections
 * open at once.
 */
public class ConnectionStorm extends MqttLoadSimulation {
    private final AtomicLong startNanos = new AtomicLong(System.nanoTime());

    public ConnectionStorm() {
        super(LoadScenario.CONNECTION_STORM);
        long endOfHold = timeline.ramp().plus(request.duration()).toNanos();
        ScenarioBuilder storm = scenario("connections").exec(
                mqtt("connect").connect(),
                pause(session -> Duration.ofNanos(Math.max(0, startNanos.get() + endOfHold - System.nanoTime()))),
                mqtt("disconnect").disconnect());
        OpenInjectionStep arrival = request.sensors() == 1 ? atOnceUsers(1)
                : rampUsers(request.sensors()).during(timeline.ramp());
        setUp(storm.injectOpen(arrival).protocols(protocol()));
    }

    @Override
    public void before() {
        startNanos.set(System.nanoTime());
    }
}
