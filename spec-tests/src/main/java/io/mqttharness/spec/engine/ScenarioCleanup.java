package io.mqttharness.spec.engine;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.spec.client.ClientInbox;
import io.mqttharness.spec.client.ScriptedClient;
import io.mqttharness.spec.packet.FieldValues;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;

/**
 * Leaves the broker as the run found it: closes the scenario's connections, clears retained messages the run
 * created (an empty retained PUBLISH removes them) and ends sessions that outlive their connection (a clean
 * CONNECT with the same client identifier). Problems here are traced but never change the verdict.
 */
final class ScenarioCleanup {
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(3);

    private final ScenarioContext ctx;
    private final RunIdentity identity;
    private final EventLoopGroup group;

    ScenarioCleanup(ScenarioContext ctx, RunIdentity identity, EventLoopGroup group) {
        this.ctx = ctx;
        this.identity = identity;
        this.group = group;
    }

    void run() {
        try {
            for (ScriptedClient c : ctx.clients().values()) {
                c.close();
            }
            if (!ctx.retainedTopics().isEmpty()) {
                clearRetained();
            }
            for (String clientId : ctx.persistentSessions()) {
                endSession(clientId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            ctx.trace().event("cleanup", "cleanup failed: " + e.getMessage());
        }
    }

    private void clearRetained() throws InterruptedException {
        try (ScriptedClient c = connect(identity.newClientId())) {
            if (c == null) {
                return;
            }
            int packetId = 1;
            for (String topic : ctx.retainedTopics()) {
                c.send(new MqttPublish(false, MqttQos.AT_LEAST_ONCE, true, topic, packetId++, MqttProperties.EMPTY,
                        new byte[0]));
            }
            // PUBACKs confirm the broker processed every deletion before the next scenario may look
            for (int i = 0; i < ctx.retainedTopics().size(); i++) {
                if (next(c) != MqttPacketType.PUBACK) {
                    break;
                }
            }
            c.send(MqttDisconnect.NORMAL);
        }
    }

    private void endSession(String clientId) throws InterruptedException {
        try (ScriptedClient c = connect(clientId)) {
            if (c != null) {
                c.send(MqttDisconnect.NORMAL);
            }
        }
    }

    /** A clean-session connection, or {@code null} (traced) if the broker does not accept it. */
    private ScriptedClient connect(String clientId) throws InterruptedException {
        ScriptedClient c = new ScriptedClient("cleanup", ctx.version(), false, ctx.trace(), group);
        c.open(ctx.target(), ctx.settings().connectTimeout());
        RunSettings s = ctx.settings();
        byte[] password = s.password() == null ? null : FieldValues.bytes(s.password());
        c.send(new MqttConnect(ctx.version(), true, 30, clientId, MqttProperties.EMPTY, null, s.username(),
                password));
        if (next(c) != MqttPacketType.CONNACK) {
            c.close();
            return null;
        }
        return c;
    }

    private MqttPacketType next(ScriptedClient c) throws InterruptedException {
        ClientInbox.Next n = c.inbox().next(System.nanoTime() + ACK_TIMEOUT.toNanos());
        return n.kind() == ClientInbox.Kind.PACKET ? n.packet().type() : null;
    }
}
