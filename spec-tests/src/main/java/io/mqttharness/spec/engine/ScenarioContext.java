package io.mqttharness.spec.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.client.MqttTarget;
import io.mqttharness.spec.client.ScenarioTrace;
import io.mqttharness.spec.client.ScriptedClient;
import io.mqttharness.spec.scenario.ClientSpec;
import io.mqttharness.spec.scenario.Scenario;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The state of one scenario run under one version: its clients, names, captured variables, deadline and what
 * must be cleaned up afterwards (retained messages, persistent sessions).
 */
public final class ScenarioContext {
    private final Scenario scenario;
    private final MqttVersion version;
    private final MqttTarget target;
    private final RunSettings settings;
    private final ScenarioTrace trace = new ScenarioTrace();
    private final Placeholders placeholders;
    private final Map<String, ScriptedClient> clients = new LinkedHashMap<>();
    private final Map<String, String> clientIds = new LinkedHashMap<>();
    private final Map<String, JsonNode> lastConnect = new LinkedHashMap<>();
    private final Set<String> retainedTopics = new LinkedHashSet<>();
    private final Set<String> persistentSessions = new LinkedHashSet<>();
    private final long deadlineNanos;

    public ScenarioContext(Scenario scenario, MqttVersion version, MqttTarget target, RunSettings settings,
            RunIdentity identity, EventLoopGroup group) {
        this.scenario = scenario;
        this.version = version;
        this.target = target;
        this.settings = settings;
        for (ClientSpec spec : scenario.clients().values()) {
            clients.put(spec.name(), new ScriptedClient(spec.name(), version, spec.autoAck(), trace, group));
            clientIds.put(spec.name(), identity.newClientId());
        }
        this.placeholders = new Placeholders(identity.topicPrefix(scenario.id(), version.displayName()),
                version.displayName(), identity.runId(), this::clientId);
        AuthPlaceholders.register(placeholders, settings, this::client);
        Duration timeout = scenario.timeout() != null ? scenario.timeout() : settings.scenarioTimeout();
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        clientIds.forEach((name, id) -> trace.event(null, "client " + name + " has client id " + id));
    }

    /** The unique client identifier of a logical client. */
    public String clientId(String name) {
        String id = clientIds.get(name);
        if (id == null) {
            throw new ScenarioError("${clientId:" + name + "} names no client of the scenario " + clientIds.keySet());
        }
        return id;
    }

    public ScriptedClient client(String name) {
        ScriptedClient c = clients.get(name);
        if (c == null) {
            throw new ScenarioError("unknown client " + name);
        }
        return c;
    }

    public Map<String, ScriptedClient> clients() {
        return clients;
    }

    /**
     * The deadline of a wait of {@code wanted} (nanoTime based), never past the scenario's hard deadline.
     *
     * @throws ScenarioError when the hard deadline has already passed
     */
    public long deadline(Duration wanted) {
        long now = System.nanoTime();
        if (now >= deadlineNanos) {
            throw new ScenarioError("scenario exceeded its hard timeout");
        }
        return Math.min(now + wanted.toNanos(), deadlineNanos);
    }

    /** Nanoseconds left before the hard deadline. */
    public long remainingNanos() {
        return deadlineNanos - System.nanoTime();
    }

    public Scenario scenario() {
        return scenario;
    }

    public MqttVersion version() {
        return version;
    }

    public MqttTarget target() {
        return target;
    }

    public RunSettings settings() {
        return settings;
    }

    public ScenarioTrace trace() {
        return trace;
    }

    public Placeholders placeholders() {
        return placeholders;
    }

    /** The CONNECT fields a client last connected with (resolved), for {@code reconnect}. */
    public Map<String, JsonNode> lastConnect() {
        return lastConnect;
    }

    /** Topics the harness published retained messages to; cleared after the run. */
    public Set<String> retainedTopics() {
        return retainedTopics;
    }

    /** Client identifiers whose session may outlive the connection; ended after the run. */
    public Set<String> persistentSessions() {
        return persistentSessions;
    }
}
