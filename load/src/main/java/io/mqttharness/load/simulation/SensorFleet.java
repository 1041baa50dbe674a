package io.mqttharness.load.simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.mqttharness.load.MqttDsl.mqtt;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.mqttharness.load.protocol.MqttProtocolBuilder;
import io.mqttharness.load.run.LoadScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fleet of sensors, each publishing sensor messages on a fixed schedule (open workload, {@code rate} msg/s) to
 * {@code sensors/<id>/<metric>} (metric {@code temperature}, {@code humidity} or {@code pressure} by sensor id),
 * and {@code subscribers} dashboards that subscribe before the first sensor arrives, by default to
 * {@code sensors/#}; option {@code filter} changes it (e.g. {@code sensors/+/temperature}: each dashboard then
 * expects only a third of the sensors). At QoS 1/2 each dashboard finally checks that every message it expects
 * arrived (a KO otherwise).
 */
public class SensorFleet extends MqttLoadSimulation {
    /** The metrics sensors publish, chosen by sensor id modulo their count. */
    public static final List<String> METRICS = List.of("temperature", "humidity", "pressure");

    public SensorFleet() {
        super(LoadScenario.SENSOR_FLEET);
        MqttProtocolBuilder protocol = protocol();
        String filter = option("filter", "sensors/#");
        List<PopulationBuilder> populations = new ArrayList<>();
        Rendezvous subscribed = new Rendezvous(request.subscribers());
        Rendezvous published = new Rendezvous(request.sensors());
        if (request.subscribers() > 0) {
            ScenarioBuilder dashboards = scenario("dashboards").exec(
                    mqtt("connect").connect(),
                    mqtt("subscribe").subscribe(filter).qos(request.qos()),
                    subscribed.arrive(),
                    published.await(Phases.sensorsDeadline(timeline)),
                    Phases.drainOrCheck(request, timeline),
                    mqtt("disconnect").disconnect());
            populations.add(dashboards.injectOpen(atOnceUsers(request.subscribers())).protocols(protocol));
        }
        populations.add(sensors(subscribed, published).injectOpen(Phases.sensorArrival(request, timeline)).protocols(protocol));
        setUp(populations);
    }

    private ScenarioBuilder sensors(Rendezvous subscribed, Rendezvous published) {
        AtomicInteger ids = new AtomicInteger();
        ChainBuilder identity = exec(session -> {
            int id = ids.getAndIncrement();
            return session.set("sensorId", id).set("metric", METRICS.get(id % METRICS.size()));
        });
        return scenario("sensors").exec(
                identity,
                subscribed.await(Phases.SUBSCRIBERS_DEADLINE),
                mqtt("connect").connect(),
                mqtt("publish").publish("sensors/#{sensorId}/#{metric}")
                        .sensorPayload("#{sensorId}", request.payloadSize()).qos(request.qos())
                        .every(interval(), request.duration()),
                published.arrive(),
                mqtt("disconnect").disconnect());
    }
}
