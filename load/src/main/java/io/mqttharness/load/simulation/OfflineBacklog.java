package io.mqttharness.load.simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.mqttharness.load.MqttDsl.mqtt;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.load.protocol.MqttProtocolBuilder;
import io.mqttharness.load.run.LoadScenario;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Persistent sessions that go offline and come back: each of the {@code subscribers} connects with a persistent
 * session (MQTT 5: Session Expiry 10 min; 3.1.1: Clean Session 0), subscribes to {@code backlog/+} at the QoS
 * and disconnects. The sensors then publish for the duration while the sessions are offline, so the broker
 * queues the messages. Then every subscriber reconnects (a KO unless Session Present is 1) and must receive
 * every message, in order per sensor: a lost or out-of-order message is a KO of the {@code delivery check}.
 * Finally each session is removed (clean connect, expiry 0). Needs QoS 1 or 2; the broker's per-client queue
 * limit (mosquitto and the reference broker: {@code max_queued_messages 1000}) must hold sensors x rate x duration.
 */
public class OfflineBacklog extends MqttLoadSimulation {
    private static final Duration SESSION_EXPIRY = Duration.ofMinutes(10);

    public OfflineBacklog() {
        super(LoadScenario.OFFLINE_BACKLOG);
        if (request.qos() == 0) {
            throw new IllegalArgumentException("offline-backlog needs QoS 1 or 2: QoS 0 messages are not queued");
        }
        if (request.subscribers() < 1) {
            throw new IllegalArgumentException("offline-backlog needs at least one subscriber");
        }
        boolean v5 = MqttVersion.parse(request.mqttVersion()).isV5();
        // 3.1.1 has no expiry: only Clean Session 0 makes the session outlive the connection
        MqttProtocolBuilder protocol = protocol().cleanStart(v5).sessionExpiry(SESSION_EXPIRY);
        Rendezvous offline = new Rendezvous(request.subscribers());
        Rendezvous published = new Rendezvous(request.sensors());
        ScenarioBuilder subscribers = scenario("subscribers").exec(
                mqtt("connect").connect(),
                mqtt("subscribe").subscribe("backlog/+").qos(request.qos()),
                mqtt("go offline").disconnect(),
                offline.arrive(),
                published.await(Phases.sensorsDeadline(timeline)),
                mqtt("reconnect").reconnect(),
                mqtt("delivery check").expectDelivery(Phases.DELIVERY_TIMEOUT).inOrder(),
                mqtt("disconnect").disconnect(),
                mqtt("remove session").connect().cleanStart(true).sessionExpiry(Duration.ZERO),
                mqtt("disconnect").disconnect());
        AtomicInteger ids = new AtomicInteger();
        ScenarioBuilder sensors = scenario("sensors").exec(
                exec(session -> session.set("sensorId", ids.getAndIncrement())),
                offline.await(Phases.SUBSCRIBERS_DEADLINE),
                mqtt("connect").connect().cleanStart(true).sessionExpiry(Duration.ZERO),
                mqtt("publish").publish("backlog/#{sensorId}").sensorPayload("#{sensorId}", request.payloadSize())
                        .qos(request.qos()).every(interval(), request.duration()),
                published.arrive(),
                mqtt("disconnect").disconnect());
        setUp(
                subscribers.injectOpen(atOnceUsers(request.subscribers())).protocols(protocol),
                sensors.injectOpen(Phases.sensorArrival(request, timeline)).protocols(protocol));
    }
}
