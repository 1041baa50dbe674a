package io.mqttharness.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.mqttharness.load.MqttDsl.mqtt;

import io.gatling.javaapi.core.Simulation;
import io.mqttharness.load.e2e.E2eLatencyTracker;
import io.mqttharness.load.e2e.SensorHeader;
import io.mqttharness.load.protocol.MqttProtocolBuilder;
import java.time.Duration;

/**
 * Test simulation for {@link SessionFlowsTest}: a persistent session goes offline, misses three messages, resumes
 * with {@code reconnect()} and waits for them with {@code expectMessages}; then unsubscribes, after which a wait
 * must time out although the user itself publishes to that topic (one "publish more" message feeds the failing
 * check; a second one could race the unsubscribe). A clean-session user's {@code reconnect()} must be a KO (no session to resume), and a check that
 * fails must be a KO. Target from the system property {@code flows.target}.
 */
public class SessionFlowsSimulation extends Simulation {
    static final E2eLatencyTracker TRACKER = new E2eLatencyTracker();

    public SessionFlowsSimulation() {
        MqttProtocolBuilder protocol = mqtt().target(System.getProperty("flows.target")).mqtt5()
                .latencyTracker(TRACKER).connectTimeout(Duration.ofSeconds(3)).trustAllCertificates();
        MqttProtocolBuilder persistent = protocol.sessionExpiry(Duration.ofMinutes(1));
        setUp(
                scenario("persistent").exec(
                        mqtt("connect").connect(),
                        mqtt("subscribe").subscribe("flows/session").qos(1),
                        mqtt("go offline").disconnect(),
                        pause(Duration.ofSeconds(2)),
                        mqtt("reconnect").reconnect(),
                        mqtt("await backlog").expectMessages(3).topic("flows/session").qos(1).sensorMessages()
                                .within(Duration.ofSeconds(5)),
                        mqtt("await wrong check").expectMessages(1).within(Duration.ofSeconds(5))
                                .payloadContains("no such text"),
                        mqtt("unsubscribe").unsubscribe("flows/session"),
                        // published by this user after its UNSUBACK: a broker that still delivered it would
                        // make the next wait OK; nothing else publishes any more, so no race decides it
                        mqtt("publish after unsubscribe").publish("flows/session").sensorPayload("4", 40).qos(1),
                        // only the user's own message (sensor 4) may make this wait OK; a late "publish more"
                        // copy routed before the UNSUBSCRIBE fails the check instead, which is still a KO
                        mqtt("await after unsubscribe").expectMessages(1).within(Duration.ofMillis(1500))
                                .check(p -> SensorHeader.decode(p.payload()).map(h -> h.sensorId() == 4)
                                        .orElse(false), "own message after unsubscribe"),
                        mqtt("disconnect").disconnect())
                        .injectOpen(atOnceUsers(1)).protocols(persistent),
                scenario("publisher").exec(
                        mqtt("connect").connect(),
                        repeat(3).on(mqtt("publish").publish("flows/session").sensorPayload("3", 40).qos(1)),
                        pause(Duration.ofMillis(1500)),
                        repeat(1).on(mqtt("publish more").publish("flows/session").sensorPayload("3", 40).qos(1)),
                        mqtt("disconnect").disconnect())
                        .injectOpen(nothingFor(Duration.ofSeconds(1)), atOnceUsers(1)).protocols(protocol),
                scenario("clean").exec(
                        mqtt("connect clean").connect(),
                        mqtt("disconnect clean").disconnect(),
                        mqtt("reconnect clean").reconnect())
                        .injectOpen(atOnceUsers(1)).protocols(protocol.sessionExpiry(Duration.ZERO)));
    }
}
