package io.mqttharness.broker.fuzz;

import io.mqttharness.broker.connection.PacketHandlers;
import io.mqttharness.broker.server.MqttChannelInitializer;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttPingReq;
import io.mqttharness.codec.packet.MqttPingResp;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.packet.MqttSubAck;
import io.mqttharness.codec.packet.MqttSubscribe;
import io.mqttharness.codec.packet.MqttSubscription;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A well-behaved client that runs after every fuzz input: it connects, subscribes to its own topic, publishes a
 * QoS 1 message to it, expects PUBACK and the message back, and pings. If the input corrupted shared broker
 * state (sessions, subscriptions, routing), this is where it shows.
 */
final class ControlClient {
    private static final String CLIENT_ID = "fuzz-control";
    private static final String TOPIC = "fuzz-control/echo";
    private static final byte[] PAYLOAD = "still alive".getBytes(StandardCharsets.UTF_8);

    private ControlClient() {
    }

    static void check(MqttChannelInitializer initializer, MqttVersion version, PacketHandlers handlers) {
        EmbeddedSocketChannel channel = new EmbeddedSocketChannel(initializer);
        try {
            List<MqttPacket> connAck = exchange(channel, version,
                    new MqttConnect(version, true, 60, CLIENT_ID, null, null, null, null), MqttConnAck.class);
            if (((MqttConnAck) connAck.get(0)).reasonCode() != MqttConnectReasonCode.SUCCESS) {
                throw new AssertionError("control client refused: " + connAck);
            }
            exchange(channel, version, new MqttSubscribe(1, List.of(new MqttSubscription(TOPIC, MqttQos.AT_LEAST_ONCE)),
                    null), MqttSubAck.class);
            List<MqttPacket> echo = exchange(channel, version,
                    new MqttPublish(false, MqttQos.AT_LEAST_ONCE, false, TOPIC, 2, null, PAYLOAD), MqttPubAck.class);
            if (echo.stream().noneMatch(p -> p instanceof MqttPublish m && m.topic().equals(TOPIC))) {
                throw new AssertionError("control client did not get its own message back: " + echo);
            }
            exchange(channel, version, MqttPingReq.INSTANCE, MqttPingResp.class);
        } finally {
            channel.close();
            channel.runPendingTasks();
            channel.finishAndReleaseAll();
        }
        if (!handlers.context().connections().snapshot().isEmpty()) {
            throw new AssertionError("connections left registered after every client closed: "
                    + handlers.context().connections().snapshot());
        }
    }

    /** Sends {@code packet} and requires an answer of type {@code expected} among what comes back. */
    private static List<MqttPacket> exchange(EmbeddedSocketChannel channel, MqttVersion version, MqttPacket packet,
            Class<? extends MqttPacket> expected) {
        channel.writeInbound(WirePackets.encodeBuf(packet, version));
        channel.runPendingTasks();
        channel.checkException();
        List<MqttPacket> answer = WirePackets.readOutbound(channel, version);
        if (!channel.isActive() || answer.stream().noneMatch(expected::isInstance)) {
            throw new AssertionError("control client sent " + packet + " and got " + answer
                    + (channel.isActive() ? "" : " and the connection was closed") + " instead of "
                    + expected.getSimpleName());
        }
        return answer;
    }
}
