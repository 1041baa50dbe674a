package io.mqttharness.load.simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.mqttharness.load.MqttDsl.mqtt;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.mqttharness.load.protocol.MqttProtocolBuilder;
import io.mqttharness.load.run.LoadScenario;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many sensors, few consumers sharing the work: sensors publish to {@code fanin/<id>}, the {@code subscribers}
 * consumers form one shared-subscription group {@code $share/fanin/fanin/+} (option {@code group} renames it), so
 * each message goes to one member. The group is counted as one subscriber: a message is lost when no member got
 * it, a duplicate when two did. Under MQTT 3.1.1 {@code $share/} is an extension (MQTT 5 defines it); the
 * {@link io.mqttharness.load.run.LoadRunner} first checks that the broker honours it.
 */
public class FanIn extends MqttLoadSimulation {
    public FanIn() {
        super(LoadScenario.FAN_IN);
        if (request.subscribers() < 1) {
            throw new IllegalArgumentException("fan-in needs at least one consumer (subscribers)");
        }
        MqttProtocolBuilder protocol = protocol();
        String shared = sharedFilter(option("group", "fanin"));
        ChainBuilder finish = request.qos() == 0
                ? exec(pause(timeline.drain()))
                : exec(mqtt("delivery check").expectDelivery(Phases.DELIVERY_TIMEOUT).sharedFilter(shared));
        Rendezvous subscribed = new Rendezvous(request.subscribers());
        Rendezvous published = new Rendezvous(request.sensors());
        ScenarioBuilder consumers = scenario("consumers").exec(
                mqtt("connect").connect(),
                mqtt("subscribe").subscribe(shared).qos(request.qos()),
                subscribed.arrive(),
                published.await(Phases.sensorsDeadline(timeline)),
                finish,
                mqtt("disconnect").disconnect());
        AtomicInteger ids = new AtomicInteger();
        ScenarioBuilder sensors = scenario("sensors").exec(
                exec(session -> session.set("sensorId", ids.getAndIncrement())),
                subscribed.await(Phases.SUBSCRIBERS_DEADLINE),
                mqtt("connect").connect(),
                mqtt("publish").publish("fanin/#{sensorId}").sensorPayload("#{sensorId}", request.payloadSize())
                        .qos(request.qos()).every(interval(), request.duration()),
                published.arrive(),
                mqtt("disconnect").disconnect());
        setUp(
                consumers.injectOpen(atOnceUsers(request.subscribers())).protocols(protocol),
                sensors.injectOpen(Phases.sensorArrival(request, timeline)).protocols(protocol));
    }

    /** The consumers' filter for a share group. */
    public static String sharedFilter(String group) {
        return "$share/" + group + "/fanin/+";
    }
}
