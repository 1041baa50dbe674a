package io.mqttharness.load.simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.mqttharness.load.MqttDsl.mqtt;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.mqttharness.load.run.LoadRequest;
import io.mqttharness.load.run.ScenarioTimeline;
import java.time.Duration;

/** Building blocks the simulations share: when sensors arrive, how subscribers wait and finish. */
final class Phases {
    /** Generous: a delivery check returns as soon as everything arrived, so it only costs time on failure. */
    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

    private Phases() {
    }

    /** Sensors wait for the subscribers' head start, then arrive evenly over the ramp (or all at once). */
    static OpenInjectionStep[] sensorArrival(LoadRequest request, ScenarioTimeline timeline) {
        OpenInjectionStep arrival = timeline.ramp().isZero()
                ? atOnceUsers(request.sensors())
                : rampUsers(request.sensors()).during(timeline.ramp());
        return new OpenInjectionStep[] {nothingFor(timeline.headStart()), arrival};
    }

    /** How long sensors wait for the subscribers to be ready. */
    static final Duration SUBSCRIBERS_DEADLINE = Duration.ofSeconds(30);

    /** How long subscribers wait for the sensors to finish: the planned publishing plus a generous margin. */
    static Duration sensorsDeadline(ScenarioTimeline timeline) {
        return timeline.publishingEnds().plus(Duration.ofSeconds(60));
    }

    /**
     * At QoS 1/2: wait until every expected message arrived (a KO naming the lost count otherwise). At QoS 0
     * losses are allowed, so just give messages in flight the drain time.
     */
    static ChainBuilder drainOrCheck(LoadRequest request, ScenarioTimeline timeline) {
        return request.qos() == 0
                ? exec(pause(timeline.drain()))
                : exec(mqtt("delivery check").expectDelivery(DELIVERY_TIMEOUT));
    }
}
