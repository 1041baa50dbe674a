package io.mqttharness.spec.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mqttharness.codec.MqttHex;
import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.spec.client.ScriptedClient;
import io.mqttharness.spec.packet.FieldValues;
import io.mqttharness.spec.packet.PacketBuilder;
import io.mqttharness.spec.packet.PacketFieldNames;
import io.mqttharness.spec.scenario.Step;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the steps that make the harness act: connect, reconnect, send, disconnect, close, wait. */
final class ActionRunner {
    private final ScenarioContext ctx;
    private final ExpectationRunner expectations;

    ActionRunner(ScenarioContext ctx, ExpectationRunner expectations) {
        this.ctx = ctx;
        this.expectations = expectations;
    }

    void connect(Step.Connect step) throws StepFailure, InterruptedException {
        ScriptedClient client = ctx.client(step.client());
        ObjectNode fields = ((ObjectNode) ctx.placeholders().resolve(step.fields()));
        if (step.reconnect()) {
            JsonNode previous = ctx.lastConnect().get(step.client());
            if (previous != null) {
                ObjectNode merged = previous.deepCopy();
                merged.setAll(fields);
                fields = merged;
            }
            client.close();
        }
        ctx.lastConnect().put(step.client(), fields);
        if (!client.isOpen()) {
            client.open(ctx.target(), ctx.settings().connectTimeout());
        }
        MqttConnect connect = withCredentials(builder(client).connect(fields, ctx.clientId(step.client())), fields);
        track(client, connect);
        client.send(connect);
        if (step.connack() != null) {
            expectations.expectPacket(step.client(), MqttPacketType.CONNACK, step.connack(), null, Map.of());
        }
    }

    void send(Step.Send step) throws InterruptedException {
        ScriptedClient client = ctx.client(step.client());
        if (!client.isOpen() && !client.inbox().closed()) {
            client.open(ctx.target(), ctx.settings().connectTimeout());
        }
        if (step.webSocketText() != null || step.webSocketSplit() != null) {
            requireWebSocket(step);
        }
        if (step.webSocketText() != null) {
            client.sendWebSocketText(ctx.placeholders().resolve(step.webSocketText()));
            return;
        }
        if (step.rawHex() != null) {
            try {
                client.sendRaw(MqttHex.parse(ctx.placeholders().resolve(step.rawHex())), step.webSocketSplit());
            } catch (IllegalArgumentException e) {
                throw new ScenarioError(step.options().label() + ": " + e.getMessage(), e);
            }
            return;
        }
        JsonNode fields = ctx.placeholders().resolve(step.fields());
        MqttPacket packet;
        try {
            packet = step.packetType() == MqttPacketType.CONNECT
                    ? withCredentials(builder(client).connect(fields, ctx.clientId(step.client())), fields)
                    : builder(client).build(step.packetType(), fields);
        } catch (IllegalArgumentException e) {
            throw new ScenarioError(step.options().label() + ": " + e.getMessage(), e);
        }
        track(client, packet);
        Integer flags = fields.has(PacketFieldNames.FIXED_HEADER_FLAGS)
                ? FieldValues.integer(fields.get(PacketFieldNames.FIXED_HEADER_FLAGS), "fixed_header_flags", 0, 15)
                : null;
        try {
            client.send(packet, flags, step.webSocketSplit());
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(ScriptedClient.WS_SPLIT_ERROR)) {
                throw new ScenarioError(step.options().label() + ": " + e.getMessage(), e);
            }
            throw new ScenarioError(step.options().label() + ": the codec cannot encode this packet for MQTT "
                    + ctx.version().displayName() + " (" + e.getMessage() + "); use 'raw' for malformed packets", e);
        }
    }

    /** ws_text and ws_split only make sense on a WebSocket connection; elsewhere the scenario is wrong. */
    private void requireWebSocket(Step.Send step) {
        if (!ctx.target().transport().webSocket()) {
            throw new ScenarioError(step.options().label() + ": ws_text and ws_split need a ws:// or wss:// target "
                    + "(add 'requires: [websocket]' to the scenario)");
        }
    }

    void expectWebSocketSubprotocol(Step.ExpectWebSocketSubprotocol step) throws StepFailure, InterruptedException {
        if (!ctx.target().transport().webSocket()) {
            throw new ScenarioError(step.options().label() + ": expect_ws_subprotocol needs a ws:// or wss:// target "
                    + "(add 'requires: [websocket]' to the scenario)");
        }
        ScriptedClient client = ctx.client(step.client());
        if (!client.isOpen()) {
            client.open(ctx.target(), ctx.settings().connectTimeout());
        }
        String actual = client.webSocketSubprotocol();
        if (!step.value().equals(actual)) {
            throw new StepFailure(step.client() + ": expected the WebSocket subprotocol '" + step.value()
                    + "' in the handshake answer, got " + (actual == null ? "none" : "'" + actual + "'"));
        }
        ctx.trace().event(step.client(), "matched WebSocket subprotocol '" + actual + "'");
    }

    void disconnect(Step.Disconnect step) throws InterruptedException {
        ScriptedClient client = ctx.client(step.client());
        JsonNode fields = ctx.placeholders().resolve(step.fields());
        client.send(builder(client).build(MqttPacketType.DISCONNECT, fields));
        // the Client closes the Network Connection after sending DISCONNECT [MQTT-3.14.4-1]
        client.close();
    }

    void close(Step.Close step) throws InterruptedException {
        ctx.client(step.client()).close();
    }

    void await(Step.Wait step) throws InterruptedException {
        long deadline = ctx.deadline(step.duration());
        ctx.trace().event(null, "waiting " + step.duration().toMillis() + " ms");
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private PacketBuilder builder(ScriptedClient client) {
        return new PacketBuilder(ctx.version(), client::nextPacketId);
    }

    private MqttConnect withCredentials(MqttConnect c, JsonNode fields) {
        RunSettings s = ctx.settings();
        if (fields.has("username") || fields.has("password") || (s.username() == null && s.password() == null)) {
            return c;
        }
        byte[] password = s.password() == null ? null : FieldValues.bytes(s.password());
        return new MqttConnect(c.version(), c.cleanStart(), c.keepAliveSeconds(), c.clientId(), c.properties(),
                c.will(), s.username(), password);
    }

    /** Remembers what must be cleaned up after the run, and the packet size limit a CONNECT announces. */
    private void track(ScriptedClient client, MqttPacket packet) {
        if (packet instanceof MqttConnect c) {
            client.maximumPacketSize(c.properties().maximumPacketSize());
        }
        track(packet);
    }

    private void track(MqttPacket packet) {
        if (packet instanceof MqttPublish p && p.retain() && !p.topic().isEmpty()) {
            ctx.retainedTopics().add(p.topic());
        } else if (packet instanceof MqttConnect c) {
            if (c.will() != null && c.will().retain()) {
                ctx.retainedTopics().add(c.will().topic());
            }
            Long expiry = c.properties().sessionExpiryInterval();
            boolean persistent = c.version().isV5() ? expiry != null && expiry > 0 : !c.cleanStart();
            if (persistent && !c.clientId().isEmpty()) {
                ctx.persistentSessions().add(c.clientId());
            }
        }
    }

    static String describe(JsonNode fields) {
        StringBuilder sb = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
        }
        return "{" + sb + "}";
    }
}
