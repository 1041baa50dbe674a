package io.mqttharness.broker.connection;

import io.mqttharness.broker.sys.BrokerStats;
import io.mqttharness.codec.MqttPacketEncoder;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttPublish;
import io.netty.channel.ChannelFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place packets leave the broker towards a client. It enforces the client's Maximum Packet Size: the
 * broker never sends a larger packet (MQTT-3.1.2-24 in 5.0); problem information is stripped first (see
 * {@link ProblemInformation}), and a PUBLISH that is still too large is discarded as if it had been sent
 * (MQTT-3.1.2-25) and counted in {@code $SYS/broker/messages/dropped}. It also counts packets for {@code $SYS}.
 *
 * <p>Outbound Topic Aliases are applied here, as the PUBLISH leaves for the channel (see
 * {@link OutboundTopicAliases}), and the size check sees the aliased packet. When the aliased form of a first use
 * (topic plus alias) does not fit, the plain form, 3 bytes shorter, is tried before the message is discarded.
 */
public final class OutboundPacketWriter {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundPacketWriter.class);
    private final BrokerStats stats;

    public OutboundPacketWriter(BrokerStats stats) {
        this.stats = stats;
    }

    /** Writes without flushing; returns false when the packet was discarded instead. */
    public boolean write(MqttConnection connection, MqttPacket packet) {
        MqttPacket toSend = fit(connection, packet);
        if (toSend == null) {
            return false;
        }
        connection.channel().write(toSend, connection.channel().voidPromise());
        stats.packetSent();
        return true;
    }

    /** Writes and flushes; returns false when the packet was discarded instead. */
    public boolean writeAndFlush(MqttConnection connection, MqttPacket packet) {
        boolean written = write(connection, packet);
        connection.channel().flush();
        return written;
    }

    /** Writes, flushes and returns the write future (to close after a CONNACK or DISCONNECT went out). */
    public ChannelFuture writeAndFlushFuture(MqttConnection connection, MqttPacket packet) {
        MqttPacket toSend = fit(connection, packet);
        if (toSend == null) {
            return connection.channel().newSucceededFuture();
        }
        stats.packetSent();
        return connection.channel().writeAndFlush(toSend);
    }

    /** True when the packet can be sent to this client, as it is or without its problem information. */
    public boolean fits(MqttConnection connection, MqttPacket packet) {
        return shrink(connection, packet) != null;
    }

    private MqttPacket fit(MqttConnection connection, MqttPacket packet) {
        MqttPacket p;
        if (packet instanceof MqttPublish publish) {
            OutboundTopicAliases aliases = connection.outboundTopicAliases();
            MqttPublish aliased = aliases.apply(publish);
            p = shrink(connection, aliased);
            if (p == null && !aliased.topic().isEmpty()) {
                p = shrink(connection, OutboundTopicAliases.withoutAlias(publish));
            }
            if (p != null) {
                aliases.sent((MqttPublish) p);
            }
        } else {
            p = shrink(connection, packet);
        }
        if (p == null) {
            if (packet instanceof MqttPublish) {
                stats.messageDropped();
            }
            LOG.debug("{}: discarding {} larger than the client's Maximum Packet Size {}", connection, packet.type(),
                    connection.clientMaximumPacketSize());
        }
        return p;
    }

    /** The packet as it may be sent to this client, or null when even without problem information it is too large. */
    private static MqttPacket shrink(MqttConnection connection, MqttPacket packet) {
        if (!connection.isV5()) {
            return packet;
        }
        MqttPacket p = packet;
        if (!connection.requestProblemInformation() && ProblemInformation.forbiddenWithoutRequest(p)
                && ProblemInformation.has(p)) {
            p = ProblemInformation.strip(p);
        }
        long max = connection.clientMaximumPacketSize();
        if (max <= 0 || MqttPacketEncoder.encodedSize(p, connection.version()) <= max) {
            return p;
        }
        if (ProblemInformation.has(p)) {
            p = ProblemInformation.strip(p);
            if (MqttPacketEncoder.encodedSize(p, connection.version()) <= max) {
                return p;
            }
        }
        return null;
    }
}
