package io.mqttharness.load.simulation;

import static io.mqttharness.load.MqttDsl.mqtt;

import io.gatling.javaapi.core.Simulation;
import io.mqttharness.load.e2e.E2eLatencyTracker;
import io.mqttharness.load.metrics.LoadMetrics;
import io.mqttharness.load.protocol.MqttProtocolBuilder;
import io.mqttharness.load.run.LoadRequest;
import io.mqttharness.load.run.LoadRunContext;
import io.mqttharness.load.run.LoadScenario;
import io.mqttharness.load.run.ScenarioTimeline;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Base of the load simulations: the parameters come from the {@link LoadRunContext} of a
 * {@link io.mqttharness.load.run.LoadRunner} run, or from system properties ({@link SystemPropertyRequest}) when
 * Gatling runs the simulation directly. Then {@code mqtt.e2eReport} may name a file for the microsecond latency
 * distribution, and the end-to-end summary is printed after the run.
 */
public abstract class MqttLoadSimulation extends Simulation {
    private static final AtomicReference<E2eLatencyTracker> LAST_TRACKER = new AtomicReference<>();

    protected final LoadRequest request;
    protected final E2eLatencyTracker tracker;
    protected final LoadMetrics metrics;
    protected final ScenarioTimeline timeline;
    private final boolean standalone;

    protected MqttLoadSimulation(LoadScenario scenario) {
        LoadRunContext context = LoadRunContext.current().orElse(null);
        standalone = context == null;
        request = standalone ? SystemPropertyRequest.from(System.getProperties(), scenario) : context.request();
        tracker = standalone ? new E2eLatencyTracker() : context.tracker();
        metrics = standalone ? new LoadMetrics() : context.metrics();
        timeline = ScenarioTimeline.of(request);
        LAST_TRACKER.set(tracker);
    }

    /** The protocol of the request: target, version, credentials, TLS trust, shared counters. */
    protected MqttProtocolBuilder protocol() {
        MqttProtocolBuilder protocol = mqtt().target(request.target().toString()).version(request.mqttVersion())
                .latencyTracker(tracker).metrics(metrics).connectTimeout(Duration.ofSeconds(10));
        if (request.username() != null) {
            protocol = protocol.credentials(request.username(), request.password());
        }
        return request.trustAllCertificates() ? protocol.trustAllCertificates() : protocol;
    }

    /** Time between two publishes of one sensor. */
    protected Duration interval() {
        return Duration.ofNanos((long) (1_000_000_000L / request.ratePerSensor()));
    }

    /** A scenario option, or {@code fallback}. */
    protected String option(String name, String fallback) {
        return request.options().getOrDefault(name, fallback);
    }

    @Override
    public void after() {
        if (!standalone) {
            return;
        }
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

    /** The tracker of the most recently created simulation in this JVM, for in-process callers. */
    public static E2eLatencyTracker lastTracker() {
        return LAST_TRACKER.get();
    }
}
