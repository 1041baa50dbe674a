package io.mqttharness.load.simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.mqttharness.load.MqttDsl.mqtt;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.mqttharness.load.e2e.E2eLatencyTracker;
import io.mqttharness.load.protocol.MqttProtocolBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fleet of sensors, each publishing at a constant rate to {@code sensors/<id>}, and one subscriber on
 * {@code sensors/#} that measures end-to-end latency. Parameters: {@link SensorFleetSettings}; also
 * {@code mqtt.e2eReport}, a file for the microsecond latency distribution.
 *
 * <p>The rate is an open workload per sensor: Gatling's {@code pace} starts each publish one interval after
 * the previous one started, not after its acknowledgement (unless the acknowledgement itself overruns the
 * interval). The subscriber connects first and stays until the publishers have finished plus a drain time.
 */
public class SensorFleet extends Simulation {
    private static final Duration SUBSCRIBER_HEAD_START = Duration.ofSeconds(1);
    private static final Duration DRAIN = Duration.ofSeconds(2);
    private static final AtomicReference<E2eLatencyTracker> LAST_TRACKER = new AtomicReference<>();

    private final E2eLatencyTracker tracker = new E2eLatencyTracker();

    public SensorFleet() {
        SensorFleetSettings settings = SensorFleetSettings.from(System.getProperties());
        LAST_TRACKER.set(tracker);
        MqttProtocolBuilder protocol = mqtt()
                .broker(settings.host(), settings.port())
                .version(settings.version())
                .latencyTracker(tracker);
        AtomicInteger sensorIds = new AtomicInteger();

        ScenarioBuilder subscriber = scenario("subscriber").exec(
                mqtt("connect").connect(),
                mqtt("subscribe").subscribe("sensors/#").qos(settings.qos()),
                pause(SUBSCRIBER_HEAD_START.plus(settings.ramp()).plus(settings.duration()).plus(DRAIN)),
                mqtt("disconnect").disconnect());

        ScenarioBuilder sensors = scenario("sensors").exec(
                exec(session -> session.set("sensorId", sensorIds.getAndIncrement())),
                mqtt("connect").connect(),
                during(settings.duration()).on(
                        pace(settings.interval()).exec(
                                mqtt("publish").publish("sensors/#{sensorId}")
                                        .sensorPayload("#{sensorId}", settings.payloadSize())
                                        .qos(settings.qos()))),
                mqtt("disconnect").disconnect());

        // a sub-second ramp never injected anyone with Gatling 3.13.5 (seen in the smoke test): whole seconds only
        long rampSeconds = settings.ramp().toSeconds();
        OpenInjectionStep sensorArrival = rampSeconds == 0
                ? atOnceUsers(settings.sensors())
                : rampUsers(settings.sensors()).during(Duration.ofSeconds(rampSeconds));
        setUp(
                subscriber.injectOpen(atOnceUsers(1)).protocols(protocol),
                sensors.injectOpen(nothingFor(SUBSCRIBER_HEAD_START), sensorArrival).protocols(protocol));
    }

    /**
     * Prints the end-to-end summary and, when {@code mqtt.e2eReport} names a file, writes the microsecond
     * percentile distribution there (Gatling's own report only has millisecond resolution).
     */
    @Override
    public void after() {
        System.out.println("MQTT end-to-end: " + tracker.summary());
        String report = System.getProperty("mqtt.e2eReport");
        if (report != null) {
            try {
                tracker.writePercentiles(Path.of(report));
            } catch (IOException e) {
                System.err.println("cannot write mqtt.e2eReport " + report + ": " + e.getMessage());
            }
        }
    }

    /** The tracker of the most recently created SensorFleet in this JVM, for in-process callers (tests, CLI). */
    public static E2eLatencyTracker lastTracker() {
        return LAST_TRACKER.get();
    }
}
