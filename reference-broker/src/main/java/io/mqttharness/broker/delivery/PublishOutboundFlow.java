package io.mqttharness.broker.delivery;

import io.mqttharness.broker.connection.ConnectionState;
import io.mqttharness.broker.connection.MqttConnection;
import io.mqttharness.broker.connection.OutboundPacketWriter;
import io.mqttharness.broker.persistence.BrokerPersistence;
import io.mqttharness.broker.session.Session;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.reason.MqttPubRelReasonCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-to-client delivery of one connection's session, always on the connection's event loop: takes queued
 * messages while the inflight window (the client's Receive Maximum, MQTT-3.3.4-9 in 5.0, capped by
 * {@code max_inflight_messages}) has room and the channel is writable, and drives the acknowledgement flows of
 * section 4.3 (PUBACK; PUBREC, PUBREL, PUBCOMP).
 *
 * <p><b>Slow consumers.</b> Writing stops as soon as the channel passes its high water mark, so at most that much
 * plus one packet waits in the channel; further messages wait in the session queue, bounded by
 * {@code max_queued_messages} (see {@code QueuePolicy} for what is dropped). The flow resumes when the channel
 * becomes writable again ({@code channelWritabilityChanged}) or an acknowledgement frees the window.
 */
public final class PublishOutboundFlow {
    private static final Logger LOG = LoggerFactory.getLogger(PublishOutboundFlow.class);
    private final OutboundPacketWriter writer;
    private final int maxInflightMessages;
    private final BrokerPersistence persistence;

    public PublishOutboundFlow(OutboundPacketWriter writer, int maxInflightMessages) {
        this(writer, maxInflightMessages, BrokerPersistence.disabled());
    }

    public PublishOutboundFlow(OutboundPacketWriter writer, int maxInflightMessages, BrokerPersistence persistence) {
        this.writer = writer;
        this.maxInflightMessages = maxInflightMessages;
        this.persistence = persistence;
    }

    /** Sends as many queued messages as the window and the channel allow. */
    public void flush(MqttConnection connection) {
        Session session = connection.session();
        if (session == null || connection.state() != ConnectionState.CONNECTED) {
            return;
        }
        int window = window(connection);
        boolean wrote = false;
        while (connection.channel().isWritable()) {
            long now = System.nanoTime();
            Session.OutboundSend next = session.nextToSend(connection, window, now);
            if (next == null) {
                break;
            }
            MqttPublish publish = next.message().toPublish(next.packetId(), false, now, connection.version());
            if (next.message().qos() == MqttQos.EXACTLY_ONCE) {
                // the client delivers a QoS 2 message once per Packet Identifier: if a restart forgot which
                // identifier it went out with, the message would be sent again under a new one and delivered twice
                persistence.awaitDurable();
            }
            if (!writer.write(connection, publish) && next.packetId() != 0) {
                // too large for the client: behave as if the exchange had completed (MQTT-3.1.2-25 in 5.0)
                session.completeOutbound(next.packetId());
            }
            wrote = true;
        }
        if (wrote) {
            connection.channel().flush();
        }
    }

    /**
     * Retransmits the unacknowledged PUBLISH (DUP=1) and PUBREL packets of a resumed session, with their original
     * Packet Identifiers and in their original order (MQTT-4.4.0-1 in 3.1.1 and 5.0), then sends queued messages.
     */
    public void resume(MqttConnection connection) {
        long now = System.nanoTime();
        for (InflightMessage m : connection.session().inflightSnapshot()) {
            if (m.state() == OutboundFlowState.AWAITING_PUBCOMP) {
                writer.write(connection, new MqttPubRel(m.packetId()));
            } else if (!writer.write(connection, m.message().toPublish(m.packetId(), true, now, connection.version()))) {
                connection.session().completeOutbound(m.packetId());
            }
        }
        connection.channel().flush();
        flush(connection);
    }

    /** PUBACK: the QoS 1 exchange is complete, its identifier free again. */
    public void onPubAck(MqttConnection connection, MqttPubAck ack) {
        Session session = connection.session();
        if (session.outboundState(ack.packetId()) == OutboundFlowState.AWAITING_PUBACK) {
            session.completeOutbound(ack.packetId());
            flush(connection);
        } else {
            LOG.debug("{}: ignoring PUBACK for packet id {} that is not awaiting one", connection, ack.packetId());
        }
    }

    /**
     * PUBREC: answer with PUBREL (MQTT-4.3.3-4 in 5.0); a PUBREC with a Reason Code of 0x80 or more ends the
     * exchange instead (MQTT 5.0 section 4.3.3). A PUBREC for an unknown identifier gets PUBREL 0x92 in MQTT 5.
     */
    public void onPubRec(MqttConnection connection, MqttPubRec rec) {
        Session session = connection.session();
        int id = rec.packetId();
        OutboundFlowState state = session.outboundState(id);
        if (state == OutboundFlowState.AWAITING_PUBREC) {
            if (rec.reasonCode().isError()) {
                session.completeOutbound(id);
                flush(connection);
                return;
            }
            session.releaseOutbound(id);
            // once the client has PUBREL it may forget the message: a restart must then resend PUBREL, not PUBLISH
            persistence.awaitDurable();
            writer.writeAndFlush(connection, new MqttPubRel(id));
        } else if (state == OutboundFlowState.AWAITING_PUBCOMP) {
            writer.writeAndFlush(connection, new MqttPubRel(id));
        } else if (connection.isV5()) {
            writer.writeAndFlush(connection,
                    new MqttPubRel(id, MqttPubRelReasonCode.PACKET_IDENTIFIER_NOT_FOUND, MqttProperties.EMPTY));
        } else {
            writer.writeAndFlush(connection, new MqttPubRel(id));
        }
    }

    /** PUBCOMP: the QoS 2 exchange is complete. */
    public void onPubComp(MqttConnection connection, MqttPubComp comp) {
        Session session = connection.session();
        if (session.outboundState(comp.packetId()) == OutboundFlowState.AWAITING_PUBCOMP) {
            session.completeOutbound(comp.packetId());
            flush(connection);
        } else {
            LOG.debug("{}: ignoring PUBCOMP for packet id {} that is not awaiting one", connection, comp.packetId());
        }
    }

    private int window(MqttConnection connection) {
        int window = connection.clientReceiveMaximum();
        if (maxInflightMessages > 0) {
            window = Math.min(window, maxInflightMessages);
        }
        return Math.max(1, window);
    }
}
