package io.mqttharness.broker.fuzz;

import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.ListenerConfig;
import io.mqttharness.broker.connection.ConnectionState;
import io.mqttharness.broker.connection.MqttConnection;
import io.mqttharness.broker.connection.MqttConnectionHandler;
import io.mqttharness.broker.connection.PacketHandlers;
import io.mqttharness.broker.security.BrokerSecurity;
import io.mqttharness.broker.server.BrokerContext;
import io.mqttharness.broker.server.MqttChannelInitializer;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.netty.MqttDecoder;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttPingReq;
import io.mqttharness.codec.packet.MqttPingResp;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;

/**
 * What must hold after any bytes arrive on a broker connection (optionally after a valid CONNECT), checked on
 * the broker's real pipeline ({@link MqttChannelInitializer} on an {@link EmbeddedSocketChannel}):
 * <ul>
 *   <li>no exception reaches the end of the pipeline;</li>
 *   <li>everything the broker sends is a well-formed packet of the connection's version; it never sends a
 *       DISCONNECT under MQTT 3.1.1, only an error DISCONNECT (0x80 or above) under MQTT 5, and nothing after it
 *       but the close [MQTT-3.14.4-1, MQTT-3.14.4-2]; a refusing CONNACK is followed by the close
 *       [MQTT-3.2.2-5 (3.1.1), MQTT-3.2.2-7 (5.0)];</li>
 *   <li>after a malformed packet the connection is closed [MQTT-4.8.0-1 (3.1.1), MQTT-4.13.1-1 (5.0)];</li>
 *   <li>an open, connected connection whose input ended on a packet boundary still answers PINGREQ
 *       [MQTT-3.12.4-1];</li>
 *   <li>once closed, the connection is gone from the broker's registry, and another client can still connect,
 *       subscribe, publish and ping ({@link ControlClient}).</li>
 * </ul>
 * The broker state (sessions, subscriptions, retained messages) is shared by consecutive inputs, as on a real
 * broker, and started afresh every {@value #INPUTS_PER_BROKER} inputs so that a long run stays bounded in
 * memory. Violations throw {@link AssertionError}.
 */
final class BrokerConnectionInvariants {
    static final int INPUTS_PER_BROKER = 20_000;

    private static PacketHandlers handlers;
    private static MqttChannelInitializer initializer;
    private static int inputs;

    private BrokerConnectionInvariants() {
    }

    /**
     * Feeds {@code input} to a new connection. Byte 0 is a switch: bit 0 set puts a valid CONNECT of
     * {@code version} (Clean Start, keep alive 60) in front of the remaining bytes.
     */
    static void check(byte[] input, MqttVersion version) {
        if (input.length == 0) {
            return;
        }
        MqttChannelInitializer pipeline = broker();
        byte[] bytes = (input[0] & 1) != 0
                ? concat(WirePackets.encode(validConnect(version), version), input, 1)
                : Arrays.copyOfRange(input, 1, input.length);
        EmbeddedSocketChannel channel = new EmbeddedSocketChannel(pipeline);
        try {
            MqttConnection connection = channel.pipeline().get(MqttConnectionHandler.class).connection();
            channel.writeInbound(Unpooled.wrappedBuffer(bytes));
            channel.runPendingTasks();
            channel.checkException();
            checkAnswer(channel, connection, version);
            if (channel.isActive() && connection.state() == ConnectionState.CONNECTED
                    && WirePackets.endsOnPacketBoundary(bytes)) {
                channel.writeInbound(WirePackets.encodeBuf(MqttPingReq.INSTANCE, connection.version()));
                channel.runPendingTasks();
                List<MqttPacket> answer = WirePackets.readOutbound(channel, connection.version());
                if (answer.stream().noneMatch(MqttPingResp.class::isInstance)) {
                    throw new AssertionError("connected connection did not answer PINGREQ: " + answer);
                }
            }
            channel.close();
            channel.runPendingTasks();
            channel.checkException();
            if (handlers.context().connections().snapshot().contains(connection)) {
                throw new AssertionError("closed connection " + connection + " is still registered");
            }
        } finally {
            channel.finishAndReleaseAll();
        }
        ControlClient.check(pipeline, version, handlers);
    }

    private static void checkAnswer(EmbeddedSocketChannel channel, MqttConnection connection, MqttVersion target) {
        MqttVersion version = connection.version() != null ? connection.version() : target;
        List<MqttPacket> sent = WirePackets.readOutbound(channel, version);
        for (int i = 0; i < sent.size(); i++) {
            MqttPacket p = sent.get(i);
            boolean last = i == sent.size() - 1;
            if (p instanceof MqttDisconnect d) {
                if (!version.isV5()) {
                    throw new AssertionError("DISCONNECT sent to an MQTT " + version.displayName() + " client: " + d);
                }
                if (!d.reasonCode().isError()) {
                    throw new AssertionError("server DISCONNECT without an error reason code: " + d);
                }
                if (!last || channel.isActive()) {
                    throw new AssertionError("connection not closed right after " + d
                            + " [MQTT-3.14.4-1, MQTT-3.14.4-2]; sent " + sent);
                }
            }
            if (p instanceof MqttConnAck ack && ack.reasonCode().isError() && (!last || channel.isActive())) {
                throw new AssertionError("connection not closed right after refusing " + ack
                        + " [MQTT-3.2.2-5, MQTT-3.2.2-7]");
            }
        }
        MqttDecoder decoder = channel.pipeline().get(MqttDecoder.class);
        if (decoder != null && decoder.failed() && channel.isActive()) {
            throw new AssertionError("connection still open after a malformed packet [MQTT-4.8.0-1, MQTT-4.13.1-1]");
        }
    }

    private static MqttConnect validConnect(MqttVersion version) {
        return new MqttConnect(version, true, 60, "fuzz-client", null, null, null, null);
    }

    private static byte[] concat(byte[] head, byte[] input, int from) {
        byte[] out = new byte[head.length + input.length - from];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(input, from, out, head.length, input.length - from);
        return out;
    }

    /** The initializer the checks use (the broker is started on first use). */
    static synchronized MqttChannelInitializer initializerForTests() {
        return initializer != null ? initializer : broker();
    }

    /** The shared broker state, rebuilt every {@link #INPUTS_PER_BROKER} inputs. */
    private static synchronized MqttChannelInitializer broker() {
        if (initializer == null || ++inputs % INPUTS_PER_BROKER == 0) {
            if (handlers != null) {
                handlers.context().timer().shutdownNow();
                handlers.context().persistence().close();
            }
            BrokerConfig config = BrokerConfig.builder().listener(ListenerConfig.mqtt("127.0.0.1", 0))
                    .sysInterval(0).build();
            // a long CONNECT timeout: it runs on the embedded event loop, which only runs tasks when asked
            BrokerContext context = new BrokerContext(config, BrokerSecurity.from(config), 3_600_000);
            handlers = new PacketHandlers(context);
            initializer = new MqttChannelInitializer(handlers, config.listeners().get(0), null);
        }
        return initializer;
    }
}
