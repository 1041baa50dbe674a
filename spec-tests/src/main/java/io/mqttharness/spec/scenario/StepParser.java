package io.mqttharness.spec.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.packet.PacketFieldNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses the {@code steps} list of a scenario; each step is a one-key mapping such as {@code - expect: {...}}. */
final class StepParser {
    private static final Set<String> COMMON = Set.of("client", "observation", "versions", "comment", "assume");
    /** {@code send} option: send a WebSocket text frame (MQTT forbids them) instead of a packet. */
    private static final String WS_TEXT = "ws_text";
    /** {@code send} option: cut the packet's bytes into several WebSocket binary frames. */
    private static final String WS_SPLIT = "ws_split";
    private static final Set<String> EXPECTATIONS = Set.of("expect", "expect_unordered", "expect_none",
            "expect_closed");

    private final Set<String> clients;

    StepParser(Set<String> clients) {
        this.clients = clients;
    }

    List<Step> parseList(JsonNode list, String labelPrefix) {
        List<Step> steps = new ArrayList<>();
        int index = 1;
        for (JsonNode node : list) {
            steps.add(parse(node, labelPrefix + index++, false));
        }
        return steps;
    }

    private Step parse(JsonNode node, String label, boolean expectationOnly) {
        if (node == null || !node.isObject() || node.size() != 1) {
            throw new IllegalArgumentException(label + ": a step is a mapping with exactly one key, e.g. '- expect: {...}'");
        }
        String kind = node.fieldNames().next();
        JsonNode body = node.get(kind);
        String where = label + " (" + kind + ")";
        if (expectationOnly && !EXPECTATIONS.contains(kind)) {
            throw new IllegalArgumentException(where + ": alternatives of one_of may only hold " + EXPECTATIONS);
        }
        try {
            return parseKind(kind, body, where);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("step ")) {
                throw e;
            }
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private Step parseKind(String kind, JsonNode body, String where) {
        switch (kind) {
            case "connect":
            case "reconnect":
                return connect(objectOrEmpty(body), where, kind.equals("reconnect"));
            case "send":
                return send(object(body), where);
            case "expect":
                return expect(object(body), where, true);
            case "expect_unordered":
                return expectUnordered(object(body), where);
            case "expect_none":
                return expectNone(object(body), where);
            case "expect_closed":
                return expectClosed(objectOrEmpty(body), where);
            case "one_of":
                return oneOf(body, where);
            case "wait":
                return waitStep(body, where);
            case "disconnect":
                return disconnect(clientShorthand(body), where);
            case "expect_ws_subprotocol":
                ObjectNode ws = object(body);
                ScenarioParser.checkKeys(ws, union(COMMON, Set.of("value")), where);
                if (!ws.hasNonNull("value")) {
                    throw new IllegalArgumentException("expect_ws_subprotocol needs 'value', e.g. {value: mqtt}");
                }
                return new Step.ExpectWebSocketSubprotocol(options(ws, where), client(ws), ws.get("value").asText());
            case "close":
                ObjectNode close = clientShorthand(body);
                ScenarioParser.checkKeys(close, COMMON, where);
                return new Step.Close(options(close, where), client(close));
            default:
                throw new IllegalArgumentException("unknown step '" + kind + "' (known: connect, reconnect, send, "
                        + "expect, expect_unordered, expect_none, expect_closed, expect_ws_subprotocol, one_of, wait, disconnect, "
                        + "close)");
        }
    }

    private Step connect(ObjectNode body, String where, boolean reconnect) {
        Set<String> allowed = union(COMMON, PacketFieldNames.fields(MqttPacketType.CONNECT), Set.of("connack"));
        ScenarioParser.checkKeys(body, allowed, where);
        JsonNode connack = body.has("connack") ? body.get("connack")
                : JsonNodeFactory.instance.objectNode().put("reason_code", 0);
        if (connack.isTextual() && connack.asText().equals("none")) {
            connack = null;
        } else if (!connack.isObject()) {
            throw new IllegalArgumentException("'connack' must be a mapping of expected CONNACK fields or 'none'");
        } else {
            checkPacketFields(MqttPacketType.CONNACK, connack, "connack");
        }
        ObjectNode fields = withoutKeys(body, union(COMMON, Set.of("connack")));
        checkPacketFields(MqttPacketType.CONNECT, fields, "connect");
        return new Step.Connect(options(body, where), client(body), fields, connack, reconnect);
    }

    private Step send(ObjectNode body, String where) {
        if (body.has(WS_TEXT)) {
            ScenarioParser.checkKeys(body, union(COMMON, Set.of(WS_TEXT)), where);
            return new Step.Send(options(body, where), client(body), null, null, null, null,
                    body.get(WS_TEXT).asText());
        }
        int[] split = webSocketSplit(body.get(WS_SPLIT));
        if (body.has("raw")) {
            ScenarioParser.checkKeys(body, union(COMMON, Set.of("raw", WS_SPLIT)), where);
            String hex = body.get("raw").asText();
            io.mqttharness.codec.MqttHex.parse(hex);
            return new Step.Send(options(body, where), client(body), null, null, hex, split, null);
        }
        MqttPacketType type = packetType(body);
        Set<String> allowed = union(COMMON, PacketFieldNames.fields(type),
                Set.of("packet", PacketFieldNames.FIXED_HEADER_FLAGS, WS_SPLIT));
        ScenarioParser.checkKeys(body, allowed, where);
        ObjectNode fields = withoutKeys(body, union(COMMON, Set.of("packet", WS_SPLIT)));
        checkPacketFields(type, fields, "send");
        return new Step.Send(options(body, where), client(body), type, fields, null, split, null);
    }

    /** {@code ws_split: [2, 5]}: strictly increasing positive byte offsets. */
    private static int[] webSocketSplit(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException("'ws_split' must be a non-empty list of byte offsets, e.g. [2, 5]");
        }
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode n = node.get(i);
            if (!n.canConvertToInt() || n.asInt() < 1 || (i > 0 && n.asInt() <= out[i - 1])) {
                throw new IllegalArgumentException("'ws_split' offsets must be increasing numbers >= 1, got " + node);
            }
            out[i] = n.asInt();
        }
        return out;
    }

    private Step.Expect expect(ObjectNode body, String where, boolean topLevel) {
        MqttPacketType type = packetType(body);
        Set<String> allowed = union(PacketFieldNames.fields(type), Set.of("packet", "capture"),
                topLevel ? union(COMMON, Set.of("timeout")) : Set.of());
        ScenarioParser.checkKeys(body, allowed, where);
        Map<String, String> captures = new LinkedHashMap<>();
        JsonNode capture = body.get("capture");
        if (capture != null) {
            if (!capture.isObject()) {
                throw new IllegalArgumentException("'capture' must map variable names to field names, e.g. {pid: packet_id}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = capture.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                captures.put(e.getKey(), e.getValue().asText());
            }
        }
        ObjectNode fields = withoutKeys(body, union(COMMON, Set.of("packet", "capture", "timeout")));
        checkPacketFields(type, fields, "expect");
        StepOptions options = topLevel ? options(body, where) : new StepOptions(where, false, Set.of(), null);
        return new Step.Expect(options, topLevel ? client(body) : null, type, fields, duration(body, "timeout"),
                captures);
    }

    private Step expectUnordered(ObjectNode body, String where) {
        ScenarioParser.checkKeys(body, union(COMMON, Set.of("packets", "timeout")), where);
        JsonNode packets = body.get("packets");
        if (packets == null || !packets.isArray() || packets.isEmpty()) {
            throw new IllegalArgumentException("'packets' must be a non-empty list of expected packets");
        }
        List<Step.Expect> expects = new ArrayList<>();
        int i = 1;
        for (JsonNode p : packets) {
            expects.add(expect(object(p), where + " packet " + i++, false));
        }
        return new Step.ExpectUnordered(options(body, where), client(body), expects, duration(body, "timeout"));
    }

    private Step expectNone(ObjectNode body, String where) {
        MqttPacketType type = body.has("packet") ? packetType(body) : null;
        Set<String> fieldNames = type == null ? Set.of() : PacketFieldNames.fields(type);
        ScenarioParser.checkKeys(body, union(COMMON, fieldNames, Set.of("packet", "within")), where);
        ObjectNode fields = withoutKeys(body, union(COMMON, Set.of("packet", "within")));
        if (type != null) {
            checkPacketFields(type, fields, "expect_none");
        }
        return new Step.ExpectNone(options(body, where), client(body), type, fields, duration(body, "within"));
    }

    private Step expectClosed(ObjectNode body, String where) {
        ScenarioParser.checkKeys(body, union(COMMON, Set.of("within", "allow", "reason_codes")), where);
        List<MqttPacketType> allowed = null;
        if (body.has("allow")) {
            allowed = new ArrayList<>();
            for (JsonNode n : YamlValues.elements(body.get("allow"))) {
                allowed.add(packetType(n.asText()));
            }
        }
        return new Step.ExpectClosed(options(body, where), client(body), duration(body, "within"), allowed,
                body.get("reason_codes"));
    }

    private Step oneOf(JsonNode body, String where) {
        JsonNode alternatives = body;
        StepOptions options = new StepOptions(where, false, Set.of(), null);
        if (body != null && body.isObject()) {
            ScenarioParser.checkKeys(body, Set.of("alternatives", "observation", "versions", "comment", "assume"),
                    where);
            alternatives = body.get("alternatives");
            options = options((ObjectNode) body, where);
        }
        if (alternatives == null || !alternatives.isArray() || alternatives.size() < 2) {
            throw new IllegalArgumentException("one_of needs a list of at least two alternatives, each a list of expectations");
        }
        List<List<Step>> parsed = new ArrayList<>();
        int a = 1;
        for (JsonNode alternative : alternatives) {
            List<Step> steps = new ArrayList<>();
            int s = 1;
            for (JsonNode step : YamlValues.elements(alternative)) {
                steps.add(parse(step, where + " alternative " + a + " expectation " + s++, true));
            }
            parsed.add(steps);
            a++;
        }
        return new Step.OneOf(options, parsed);
    }

    private Step waitStep(JsonNode body, String where) {
        if (body != null && body.isObject()) {
            ScenarioParser.checkKeys(body, Set.of("duration", "comment", "versions"), where);
            return new Step.Wait(options((ObjectNode) body, where), YamlValues.duration(body.path("duration").asText()));
        }
        return new Step.Wait(new StepOptions(where, false, Set.of(), null), YamlValues.duration(body.asText()));
    }

    private Step disconnect(ObjectNode body, String where) {
        ScenarioParser.checkKeys(body, union(COMMON, PacketFieldNames.fields(MqttPacketType.DISCONNECT)), where);
        ObjectNode fields = withoutKeys(body, COMMON);
        checkPacketFields(MqttPacketType.DISCONNECT, fields, "disconnect");
        return new Step.Disconnect(options(body, where), client(body), fields);
    }

    private StepOptions options(ObjectNode body, String where) {
        Set<MqttVersion> versions = new HashSet<>();
        for (JsonNode v : YamlValues.elements(body.get("versions"))) {
            versions.add(YamlValues.version(v.asText()));
        }
        String comment = body.hasNonNull("comment") ? body.get("comment").asText() : null;
        boolean observation = body.path("observation").asBoolean(false);
        boolean assume = body.path("assume").asBoolean(false);
        if (observation && assume) {
            throw new IllegalArgumentException(where + ": a step is either an observation or an assumption");
        }
        return new StepOptions(where, observation, versions, comment, assume);
    }

    private String client(JsonNode body) {
        JsonNode n = body.get("client");
        if (n == null) {
            if (clients.size() == 1) {
                return clients.iterator().next();
            }
            throw new IllegalArgumentException("'client' is required when the scenario declares several clients "
                    + clients);
        }
        if (!clients.contains(n.asText())) {
            throw new IllegalArgumentException("unknown client '" + n.asText() + "' (declared: " + clients + ")");
        }
        return n.asText();
    }

    private static MqttPacketType packetType(JsonNode body) {
        JsonNode n = body.get("packet");
        if (n == null) {
            throw new IllegalArgumentException("'packet' is required (e.g. packet: PUBLISH)");
        }
        return packetType(n.asText());
    }

    private static MqttPacketType packetType(String name) {
        MqttPacketType type = PacketFieldNames.packetType(name);
        if (type == null) {
            throw new IllegalArgumentException("unknown packet type '" + name + "'");
        }
        return type;
    }

    /** Checks nested field names (properties, will, subscriptions) of a packet. */
    private static void checkPacketFields(MqttPacketType type, JsonNode fields, String where) {
        checkProperties(fields.get("properties"), where + " properties");
        JsonNode will = fields.get("will");
        if (will != null && will.isObject()) {
            ScenarioParser.checkKeys(will, PacketFieldNames.WILL_FIELDS, where + " will");
            checkProperties(will.get("properties"), where + " will properties");
        }
        if (type == MqttPacketType.SUBSCRIBE) {
            for (JsonNode sub : YamlValues.elements(fields.get("subscriptions"))) {
                if (sub.isObject()) {
                    ScenarioParser.checkKeys(sub, PacketFieldNames.SUBSCRIPTION_FIELDS, where + " subscription");
                }
            }
        }
    }

    private static void checkProperties(JsonNode props, String where) {
        if (props == null || !props.isObject()) {
            return;
        }
        for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (PacketFieldNames.property(name) == null) {
                throw new IllegalArgumentException("unknown property '" + name + "' in " + where
                        + " (names are the MQTT 5 property names in snake_case, e.g. message_expiry_interval)");
            }
        }
    }

    private static Duration duration(JsonNode body, String key) {
        return body.hasNonNull(key) ? YamlValues.duration(body.get(key).asText()) : null;
    }

    private static ObjectNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("expected a mapping of fields");
        }
        return (ObjectNode) body;
    }

    private static ObjectNode objectOrEmpty(JsonNode body) {
        return body == null || body.isNull() ? JsonNodeFactory.instance.objectNode() : object(body);
    }

    private static ObjectNode clientShorthand(JsonNode body) {
        if (body != null && body.isTextual()) {
            return JsonNodeFactory.instance.objectNode().put("client", body.asText());
        }
        return objectOrEmpty(body);
    }

    private static ObjectNode withoutKeys(ObjectNode body, Set<String> keys) {
        ObjectNode copy = body.deepCopy();
        copy.remove(keys);
        return copy;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> out = new HashSet<>();
        for (Set<String> s : sets) {
            out.addAll(s);
        }
        return out;
    }
}
