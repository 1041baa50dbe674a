package io.mqttharness.load.simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.mqttharness.load.MqttDsl.mqtt;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.mqttharness.load.protocol.MqttProtocolBuilder;
import io.mqttharness.load.run.LoadScenario;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One topic, many subscribers: {@code sensors} publishers (usually 1) publish at {@code rate} msg/s each to
 * {@code fanout/topic} (option {@code topic} changes it), and each of the {@code subscribers} receives every
 * message; each subscriber is counted on its own (its copy is not a duplicate of another's).
 */
public class FanOut extends MqttLoadSimulation {
    public FanOut() {
        super(LoadScenario.FAN_OUT);
        if (request.subscribers() < 1) {
            throw new IllegalArgumentException("fan-out needs at least one subscriber");
        }
        MqttProtocolBuilder protocol = protocol();
        String topic = option("topic", "fanout/topic");
        Rendezvous subscribed = new Rendezvous(request.subscribers());
        Rendezvous published = new Rendezvous(request.sensors());
        ScenarioBuilder subscribers = scenario("subscribers").exec(
                mqtt("connect").connect(),
                mqtt("subscribe").subscribe(topic).qos(request.qos()),
                subscribed.arrive(),
                published.await(Phases.sensorsDeadline(timeline)),
                Phases.drainOrCheck(request, timeline),
                mqtt("disconnect").disconnect());
        AtomicInteger ids = new AtomicInteger();
        ScenarioBuilder publishers = scenario("publishers").exec(
                exec(session -> session.set("sensorId", ids.getAndIncrement())),
                subscribed.await(Phases.SUBSCRIBERS_DEADLINE),
                mqtt("connect").connect(),
                mqtt("publish").publish(topic).sensorPayload("#{sensorId}", request.payloadSize())
                        .qos(request.qos()).every(interval(), request.duration()),
                published.arrive(),
                mqtt("disconnect").disconnect());
        setUp(
                subscribers.injectOpen(atOnceUsers(request.subscribers())).protocols(protocol),
                publishers.injectOpen(Phases.sensorArrival(request, timeline)).protocols(protocol));
    }
}
