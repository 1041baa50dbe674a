package io.mqttharness.spec.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.spec.client.ClientInbox;
import io.mqttharness.spec.client.ReceivedPacket;
import io.mqttharness.spec.match.PacketMatcher;
import io.mqttharness.spec.match.ValueMatcher;
import io.mqttharness.spec.packet.ReasonValue;
import io.mqttharness.spec.scenario.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the steps that check what the broker sent: expect, expect_unordered, expect_none, expect_closed. */
final class ExpectationRunner {
    private final ScenarioContext ctx;

    ExpectationRunner(ScenarioContext ctx) {
        this.ctx = ctx;
    }

    void expect(Step.Expect step) throws StepFailure, InterruptedException {
        expectPacket(step.client(), step.packetType(), step.fields(), step.timeout(), step.captures());
    }

    /** Takes the next packet of a client and checks it; remembers captured fields. */
    void expectPacket(String client, MqttPacketType type, JsonNode fields, Duration timeout,
            Map<String, String> captures) throws StepFailure, InterruptedException {
        JsonNode expected = ctx.placeholders().resolve(fields);
        Duration wait = timeout != null ? timeout : ctx.settings().expectTimeout();
        ReceivedPacket packet = nextPacket(client, wait, "a " + type);
        String mismatch = PacketMatcher.mismatch(type, expected, packet.type(), packet.fields());
        if (mismatch != null) {
            String message = client + ": expected " + type + " " + ActionRunner.describe(expected) + ": " + mismatch;
            throw wrongPacket(type, expected, packet) ? new ProtocolViolation(message) : new StepFailure(message);
        }
        ctx.trace().event(client, "matched " + type + " " + ActionRunner.describe(expected));
        capture(packet, captures);
    }

    /** Another packet type, or the expected type with another Packet Identifier: no allowed choice explains it. */
    private static boolean wrongPacket(MqttPacketType type, JsonNode expected, ReceivedPacket packet) {
        if (packet.type() != type) {
            return true;
        }
        JsonNode packetId = expected == null ? null : expected.get("packet_id");
        return packetId != null && ValueMatcher.mismatch("packet_id", packetId, packet.fields().get("packet_id")) != null;
    }

    void expectUnordered(Step.ExpectUnordered step) throws StepFailure, InterruptedException {
        Duration wait = step.timeout() != null ? step.timeout() : ctx.settings().expectTimeout();
        List<Step.Expect> open = new ArrayList<>(step.expects());
        List<JsonNode> resolved = new ArrayList<>();
        open.forEach(e -> resolved.add(ctx.placeholders().resolve(e.fields())));
        while (!open.isEmpty()) {
            ReceivedPacket packet = nextPacket(step.client(), wait, open.size() + " more packet(s) in any order");
            int hit = -1;
            for (int i = 0; i < open.size() && hit < 0; i++) {
                if (PacketMatcher.mismatch(open.get(i).packetType(), resolved.get(i), packet.type(),
                        packet.fields()) == null) {
                    hit = i;
                }
            }
            if (hit < 0) {
                StringBuilder wanted = new StringBuilder();
                for (int i = 0; i < open.size(); i++) {
                    wanted.append(i == 0 ? "" : " or ").append(open.get(i).packetType()).append(' ')
                            .append(ActionRunner.describe(resolved.get(i)));
                }
                throw fail(step.client(), "expected one of " + wanted + " but received " + packet.summary());
            }
            capture(packet, open.get(hit).captures());
            open.remove(hit);
            resolved.remove(hit);
        }
        ctx.trace().event(step.client(), "matched all " + step.expects().size() + " packets");
    }

    void expectNone(Step.ExpectNone step) throws StepFailure, InterruptedException {
        JsonNode expected = ctx.placeholders().resolve(step.fields());
        Duration window = step.within() != null ? step.within() : ctx.settings().expectNoneWindow();
        ClientInbox inbox = ctx.client(step.client()).inbox();
        int start = inbox.position();
        long deadline = ctx.deadline(window);
        String what = step.packetType() == null ? "packet" : step.packetType().toString();
        while (true) {
            ClientInbox.Next next = inbox.next(deadline);
            if (next.kind() != ClientInbox.Kind.PACKET) {
                break;
            }
            ReceivedPacket p = next.packet();
            checkSize(step.client(), p);
            if (PacketMatcher.mismatch(step.packetType(), expected, p.type(), p.fields()) == null) {
                throw fail(step.client(), "expected no " + what + " " + ActionRunner.describe(expected) + " within "
                        + window.toMillis() + " ms but received " + p.summary());
            }
        }
        // packets that did not match stay readable for later steps
        inbox.position(start);
        ctx.trace().event(step.client(), "no " + what + " " + ActionRunner.describe(expected) + " as expected");
    }

    void expectClosed(Step.ExpectClosed step) throws StepFailure, InterruptedException {
        Duration within = step.within() != null ? step.within() : ctx.settings().closeTimeout();
        List<MqttPacketType> allowed = step.allowed() != null ? step.allowed()
                : ctx.version().isV5() ? List.of(MqttPacketType.DISCONNECT) : List.of();
        JsonNode reasonCodes = step.reasonCodes() == null ? null : ctx.placeholders().resolve(step.reasonCodes());
        ClientInbox inbox = ctx.client(step.client()).inbox();
        long deadline = ctx.deadline(within);
        while (true) {
            ClientInbox.Next next = inbox.next(deadline);
            switch (next.kind()) {
                case CLOSED:
                    ctx.trace().event(step.client(), "connection closed as expected");
                    return;
                case TIMEOUT:
                    throw fail(step.client(), "expected the broker to close the connection within "
                            + within.toMillis() + " ms but it is still open");
                default:
                    checkBeforeClose(step.client(), next.packet(), allowed, reasonCodes);
            }
        }
    }

    private void checkBeforeClose(String client, ReceivedPacket p, List<MqttPacketType> allowed,
            JsonNode reasonCodes) throws StepFailure {
        checkSize(client, p);
        if (!p.decoded() || !allowed.contains(p.type())) {
            throw fail(client, "expected the connection to be closed" + (allowed.isEmpty() ? "" : " (after at most "
                    + allowed + ")") + " but received " + p.summary());
        }
        Object reason = p.fields().get("reason_code");
        if (reasonCodes != null && reason instanceof ReasonValue) {
            String m = ValueMatcher.mismatch("reason_code", reasonCodes, reason);
            if (m != null) {
                throw fail(client, p.type() + " before closing: " + m);
            }
        }
    }

    private ReceivedPacket nextPacket(String client, Duration wait, String what)
            throws StepFailure, InterruptedException {
        ClientInbox.Next next = ctx.client(client).inbox().next(ctx.deadline(wait));
        switch (next.kind()) {
            case TIMEOUT:
                throw fail(client, "expected " + what + " within " + wait.toMillis() + " ms but nothing arrived"
                        + closedByBroker(client));
            case CLOSED:
                throw fail(client, "expected " + what + " but the connection was closed");
            default:
                ReceivedPacket p = next.packet();
                if (!p.decoded()) {
                    throw new ProtocolViolation(client + ": expected " + what + " but received a packet that violates "
                            + "the specification: " + p.summary() + " [" + p.hex() + "]");
                }
                checkSize(client, p);
                return p;
        }
    }

    /**
     * Names the other clients whose connections the broker closed, so that a timeout caused by, say, the
     * publisher's connection being dropped says so instead of only "nothing arrived".
     */
    private String closedByBroker(String waiting) {
        List<String> closed = new ArrayList<>();
        ctx.clients().forEach((name, c) -> {
            if (!name.equals(waiting) && c.closedByBroker()) {
                closed.add(name);
            }
        });
        return closed.isEmpty() ? "" : " (meanwhile the broker closed the connection of " + String.join(", ", closed)
                + ")";
    }

    /** No packet may exceed the Maximum Packet Size the client announced in CONNECT [MQTT-3.1.2-24]. */
    private void checkSize(String client, ReceivedPacket p) throws StepFailure {
        Long limit = ctx.client(client).maximumPacketSize();
        if (limit != null && p.size() > limit) {
            throw fail(client, "received a " + p.size() + "-byte " + (p.type() == null ? "packet" : p.type())
                    + " although the client's CONNECT set Maximum Packet Size " + limit + " [" + p.hex() + "]");
        }
    }

    private void capture(ReceivedPacket packet, Map<String, String> captures) {
        captures.forEach((variable, field) -> {
            Object value = packet.fields().get(field);
            if (value == null) {
                throw new ScenarioError("cannot capture '" + field + "' of " + packet.type() + ": field is absent");
            }
            ctx.placeholders().set(variable, value instanceof ReasonValue r ? String.valueOf(r.wire())
                    : String.valueOf(value));
        });
    }

    private StepFailure fail(String client, String message) {
        return new StepFailure(client + ": " + message);
    }
}
