package io.mqttharness.broker.delivery;

import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.connection.ConnectionCloser;
import io.mqttharness.broker.connection.MqttConnection;
import io.mqttharness.broker.connection.OutboundPacketWriter;
import io.mqttharness.broker.connection.SameLoopDeliveries;
import io.mqttharness.broker.connection.TopicAliasRegistry;
import io.mqttharness.broker.persistence.BrokerPersistence;
import io.mqttharness.broker.security.BrokerSecurity;
import io.mqttharness.broker.session.Session;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttTopics;
import io.mqttharness.codec.MqttUtf8;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.mqttharness.codec.reason.MqttPubAckReasonCode;
import io.mqttharness.codec.reason.MqttPubCompReasonCode;
import io.mqttharness.codec.reason.MqttPubRecReasonCode;

/**
 * Client-to-server PUBLISH and PUBREL (sections 3.3, 3.6, 4.3). QoS 1 is acknowledged with PUBACK; QoS 2 uses
 * method A of section 4.3.3: the message is routed when the PUBLISH arrives, only the Packet Identifier is kept
 * until PUBREL, and a repeated PUBLISH with that identifier is acknowledged again but not routed again.
 *
 * <p>Refusals: in MQTT 5 a refused QoS 1/2 message is answered with PUBACK/PUBREC carrying the reason (0x87 Not
 * authorized, 0x97 Quota exceeded for {@code message_size_limit}, 0x99 Payload format invalid); a refused QoS 0
 * message is dropped, except an invalid UTF-8 payload, which gets DISCONNECT 0x99. In MQTT 3.1.1, which has no
 * reason codes, refused messages are acknowledged normally and dropped, as mosquitto does. Publishing to
 * {@code $SYS/...} counts as not authorized.
 *
 * <p>With persistence on, PUBACK, PUBREC and PUBCOMP are sent only once the changes they confirm (the message
 * queued for persistent sessions and retained, the QoS 2 identifier remembered or forgotten) are on disk.
 */
public final class PublishInboundFlow {
    private final BrokerConfig config;
    private final BrokerSecurity security;
    private final MessageRouter router;
    private final OutboundPacketWriter writer;
    private final ConnectionCloser closer;
    private final BrokerPersistence persistence;

    public PublishInboundFlow(BrokerConfig config, BrokerSecurity security, MessageRouter router,
            OutboundPacketWriter writer, ConnectionCloser closer) {
        this(config, security, router, writer, closer, BrokerPersistence.disabled());
    }

    public PublishInboundFlow(BrokerConfig config, BrokerSecurity security, MessageRouter router,
            OutboundPacketWriter writer, ConnectionCloser closer, BrokerPersistence persistence) {
        this.persistence = persistence;
        this.config = config;
        this.security = security;
        this.router = router;
        this.writer = writer;
        this.closer = closer;
    }

    public void onPublish(MqttConnection connection, MqttPublish received) {
        boolean v5 = connection.isV5();
        if (v5 && received.qos().code() > config.maxQos()) {
            closer.disconnect(connection, MqttDisconnectReasonCode.QOS_NOT_SUPPORTED,
                    "QoS " + received.qos().code() + " exceeds Maximum QoS " + config.maxQos() + " [MQTT-3.2.2-11]");
            return;
        }
        MqttPublish publish = received;
        if (publish.retain() && !config.retainAvailable()) {
            if (v5) {
                closer.disconnect(connection, MqttDisconnectReasonCode.RETAIN_NOT_SUPPORTED,
                        "retained messages are not supported [MQTT-3.2.2-14]");
                return;
            }
            publish = publish.withRouting(publish.topic(), false, publish.properties());
        }
        if (v5) {
            publish = resolveTopicAlias(connection, publish);
            if (publish == null) {
                return;
            }
            String responseTopic = publish.properties().responseTopic();
            if (responseTopic != null && !MqttTopics.isValidTopicName(responseTopic)) {
                closer.disconnect(connection, MqttDisconnectReasonCode.PROTOCOL_ERROR,
                        "Response Topic must be a valid Topic Name [MQTT-3.3.2-14]");
                return;
            }
        }
        Session session = connection.session();
        int id = publish.packetId();
        if (publish.qos() == MqttQos.EXACTLY_ONCE) {
            if (session.inboundQos2State(id) == InboundQos2State.AWAITING_PUBREL) {
                // duplicate of a message already routed: acknowledge again, do not deliver twice (MQTT-4.3.3-10 in
                // 5.0, MQTT-4.3.3-2 in 3.1.1)
                writer.writeAndFlush(connection, new MqttPubRec(id));
                return;
            }
            if (v5 && session.inboundQos2Count() >= config.receiveMaximum()) {
                closer.disconnect(connection, MqttDisconnectReasonCode.RECEIVE_MAXIMUM_EXCEEDED,
                        "more than Receive Maximum " + config.receiveMaximum()
                                + " unacknowledged QoS 2 messages [MQTT-3.3.4-7]");
                return;
            }
        }
        Refusal refusal = check(connection, publish);
        if (refusal == Refusal.PAYLOAD_FORMAT_INVALID && publish.qos() == MqttQos.AT_MOST_ONCE && v5) {
            closer.disconnect(connection, MqttDisconnectReasonCode.PAYLOAD_FORMAT_INVALID,
                    "payload is not valid UTF-8 although Payload Format Indicator is 1");
            return;
        }
        int receivers = 0;
        if (refusal == null) {
            receivers = publish.qos() == MqttQos.AT_LEAST_ONCE
                    ? routeDeliveringFirst(connection, publish)
                    : router.route(publish, connection.clientId(), System.nanoTime());
        }
        acknowledge(connection, publish, refusal, receivers);
    }

    /** Routes a QoS 1 message and writes its copies for this loop's subscribers before the PUBACK is written. */
    private int routeDeliveringFirst(MqttConnection connection, MqttPublish publish) {
        SameLoopDeliveries deliveries = SameLoopDeliveries.collect();
        try {
            return router.route(publish, connection.clientId(), System.nanoTime());
        } finally {
            deliveries.deliver();
        }
    }

    private void acknowledge(MqttConnection connection, MqttPublish publish, Refusal refusal, int receivers) {
        int id = publish.packetId();
        boolean v5 = connection.isV5();
        if (publish.qos() == MqttQos.AT_LEAST_ONCE) {
            MqttPubAckReasonCode code = !v5 ? MqttPubAckReasonCode.SUCCESS
                    : refusal != null ? refusal.pubAck
                    : receivers == 0 ? MqttPubAckReasonCode.NO_MATCHING_SUBSCRIBERS : MqttPubAckReasonCode.SUCCESS;
            persistence.awaitDurable();
            writer.writeAndFlush(connection, new MqttPubAck(id, code, MqttProperties.EMPTY));
        } else if (publish.qos() == MqttQos.EXACTLY_ONCE) {
            MqttPubRecReasonCode code = !v5 ? MqttPubRecReasonCode.SUCCESS
                    : refusal != null ? refusal.pubRec
                    : receivers == 0 ? MqttPubRecReasonCode.NO_MATCHING_SUBSCRIBERS : MqttPubRecReasonCode.SUCCESS;
            if (!code.isError()) {
                connection.session().awaitPubRel(id);
            }
            persistence.awaitDurable();
            writer.writeAndFlush(connection, new MqttPubRec(id, code, MqttProperties.EMPTY));
        }
    }

    /** PUBREL: answer PUBCOMP (MQTT-4.3.3-11 in 5.0); an unknown identifier gets PUBCOMP 0x92 in MQTT 5. */
    public void onPubRel(MqttConnection connection, MqttPubRel rel) {
        boolean known = connection.session().pubRelReceived(rel.packetId());
        // a PUBCOMP lets the client reuse the identifier: forgetting it must be durable first, or a restart
        // would take the next message with this identifier for a duplicate and drop it
        persistence.awaitDurable();
        MqttPubCompReasonCode code = known || !connection.isV5()
                ? MqttPubCompReasonCode.SUCCESS : MqttPubCompReasonCode.PACKET_IDENTIFIER_NOT_FOUND;
        writer.writeAndFlush(connection, new MqttPubComp(rel.packetId(), code, MqttProperties.EMPTY));
    }

    /**
     * Replaces a Topic Alias by its topic (MQTT 5.0 section 3.3.2.3.4). Alias 0 or above our Topic Alias Maximum
     * gets DISCONNECT 0x94 (MQTT 5.0 section 3.3.2.3.4); an empty topic with an unknown alias or without alias is a Protocol
     * Error. Returns null when the connection is being closed.
     */
    private MqttPublish resolveTopicAlias(MqttConnection connection, MqttPublish publish) {
        Integer alias = publish.properties().topicAlias();
        String topic = publish.topic();
        if (alias == null) {
            if (topic.isEmpty()) {
                closer.disconnect(connection, MqttDisconnectReasonCode.PROTOCOL_ERROR,
                        "empty Topic Name without Topic Alias");
                return null;
            }
            return publish;
        }
        TopicAliasRegistry aliases = connection.topicAliases();
        if (!aliases.isValid(alias)) {
            closer.disconnect(connection, MqttDisconnectReasonCode.TOPIC_ALIAS_INVALID,
                    "Topic Alias " + alias + " is not in 1.." + config.topicAliasMaximum());
            return null;
        }
        if (topic.isEmpty()) {
            topic = aliases.resolve(alias);
            if (topic == null) {
                closer.disconnect(connection, MqttDisconnectReasonCode.PROTOCOL_ERROR,
                        "Topic Alias " + alias + " has no topic yet");
                return null;
            }
        } else {
            aliases.put(alias, topic);
        }
        MqttProperties props = publish.properties().toBuilder().topicAlias(null).build();
        return publish.withRouting(topic, publish.retain(), props);
    }

    private Refusal check(MqttConnection connection, MqttPublish publish) {
        String topic = publish.topic();
        if (topic.startsWith("$SYS") || !security.canPublish(connection.clientId(), connection.username(), topic)) {
            return Refusal.NOT_AUTHORIZED;
        }
        if (config.messageSizeLimit() > 0 && publish.payload().length > config.messageSizeLimit()) {
            return Refusal.QUOTA_EXCEEDED;
        }
        Integer format = publish.properties().payloadFormatIndicator();
        if (format != null && format == 1 && !MqttUtf8.isWellFormedPayload(publish.payload())) {
            return Refusal.PAYLOAD_FORMAT_INVALID;
        }
        return null;
    }

    /** Why a message is not routed, with the MQTT 5 acknowledgement codes for it. */
    private enum Refusal {
        NOT_AUTHORIZED(MqttPubAckReasonCode.NOT_AUTHORIZED, MqttPubRecReasonCode.NOT_AUTHORIZED),
        QUOTA_EXCEEDED(MqttPubAckReasonCode.QUOTA_EXCEEDED, MqttPubRecReasonCode.QUOTA_EXCEEDED),
        PAYLOAD_FORMAT_INVALID(MqttPubAckReasonCode.PAYLOAD_FORMAT_INVALID, MqttPubRecReasonCode.PAYLOAD_FORMAT_INVALID);

        private final MqttPubAckReasonCode pubAck;
        private final MqttPubRecReasonCode pubRec;

        Refusal(MqttPubAckReasonCode pubAck, MqttPubRecReasonCode pubRec) {
            this.pubAck = pubAck;
            this.pubRec = pubRec;
        }
    }
}
