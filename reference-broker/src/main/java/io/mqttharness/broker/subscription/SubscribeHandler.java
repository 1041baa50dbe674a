package io.mqttharness.broker.subscription;

import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.connection.ConnectionCloser;
import io.mqttharness.broker.connection.MqttConnection;
import io.mqttharness.broker.connection.OutboundPacketWriter;
import io.mqttharness.broker.delivery.QueuedMessage;
import io.mqttharness.broker.routing.RetainedMessage;
import io.mqttharness.broker.routing.RetainedStore;
import io.mqttharness.broker.routing.Subscription;
import io.mqttharness.broker.routing.SubscriptionTree;
import io.mqttharness.broker.security.BrokerSecurity;
import io.mqttharness.codec.MqttDecodeException;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttSharedFilter;
import io.mqttharness.codec.MqttTopics;
import io.mqttharness.codec.packet.MqttSubAck;
import io.mqttharness.codec.packet.MqttSubscribe;
import io.mqttharness.codec.packet.MqttSubscription;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.mqttharness.codec.reason.MqttSubAckReasonCode;
import java.util.ArrayList;
import java.util.List;

/**
 * SUBSCRIBE (section 3.8): stores each subscription, answers with one SUBACK reason code per filter
 * (MQTT-3.8.4-5 in 3.1.1, MQTT-3.8.4-6 in 5.0) in the order of the request (MQTT-3.9.3-1 in both), and then sends the matching retained messages as
 * the Retain Handling option says (MQTT-3.3.1-9/10/11 in 5.0; always in 3.1.1, MQTT-3.3.1-6), with RETAIN set
 * (MQTT-3.3.1-8 in 3.1.1). Retained messages are not sent for shared subscriptions (MQTT 5.0 section 3.3.1.3).
 * A subscription that replaces one with the same filter keeps no state of the old one besides counting as
 * existing for Retain Handling 1 (MQTT-3.8.4-3 in 5.0).
 */
public final class SubscribeHandler {
    private final BrokerConfig config;
    private final BrokerSecurity security;
    private final SubscriptionTree subscriptions;
    private final RetainedStore retained;
    private final OutboundPacketWriter writer;
    private final ConnectionCloser closer;

    public SubscribeHandler(BrokerConfig config, BrokerSecurity security, SubscriptionTree subscriptions,
            RetainedStore retained, OutboundPacketWriter writer, ConnectionCloser closer) {
        this.config = config;
        this.security = security;
        this.subscriptions = subscriptions;
        this.retained = retained;
        this.writer = writer;
        this.closer = closer;
    }

    public void onSubscribe(MqttConnection connection, MqttSubscribe subscribe) {
        List<Integer> ids = subscribe.properties().subscriptionIdentifiers();
        Integer subscriptionId = ids.isEmpty() ? null : ids.get(0);
        for (MqttSubscription s : subscribe.subscriptions()) {
            MqttSharedFilter shared = parseShared(s.topicFilter(), connection);
            if (shared != null && s.noLocal()) {
                closer.disconnect(connection, MqttDisconnectReasonCode.PROTOCOL_ERROR,
                        "No Local must not be set on a Shared Subscription [MQTT-3.8.3-4]");
                return;
            }
        }
        List<MqttSubAckReasonCode> codes = new ArrayList<>();
        List<QueuedMessage> retainedToSend = new ArrayList<>();
        long now = System.nanoTime();
        for (MqttSubscription s : subscribe.subscriptions()) {
            codes.add(subscribeOne(connection, s, subscriptionId, retainedToSend, now));
        }
        writer.writeAndFlush(connection, new MqttSubAck(subscribe.packetId(), codes, MqttProperties.EMPTY));
        for (QueuedMessage m : retainedToSend) {
            connection.session().offer(m);
        }
    }

    private MqttSubAckReasonCode subscribeOne(MqttConnection connection, MqttSubscription s, Integer subscriptionId,
            List<QueuedMessage> retainedToSend, long now) {
        boolean v5 = connection.isV5();
        MqttSharedFilter shared;
        String filter;
        try {
            shared = MqttTopics.parseShared(s.topicFilter(), connection.version());
            filter = shared == null ? s.topicFilter() : shared.topicFilter();
            MqttTopics.validateTopicFilter(filter, connection.version());
        } catch (MqttDecodeException e) {
            return v5 ? MqttSubAckReasonCode.TOPIC_FILTER_INVALID : MqttSubAckReasonCode.UNSPECIFIED_ERROR;
        }
        if (!security.canSubscribe(connection.clientId(), connection.username(), filter)) {
            return v5 ? MqttSubAckReasonCode.NOT_AUTHORIZED : MqttSubAckReasonCode.UNSPECIFIED_ERROR;
        }
        MqttQos granted = s.qos().code() > config.maxQos() ? MqttQos.fromCode(config.maxQos()) : s.qos();
        Subscription subscription = new Subscription(connection.clientId(), filter,
                shared == null ? null : shared.shareGroup(), granted, s.noLocal(), s.retainAsPublished(),
                s.retainHandling(), subscriptionId);
        Subscription previous = subscriptions.subscribe(subscription);
        connection.session().journalSubscribed(subscription);
        boolean sendRetained = shared == null && config.retainAvailable()
                && (s.retainHandling() == 0 || (s.retainHandling() == 1 && previous == null));
        if (sendRetained) {
            List<Integer> idList = subscriptionId == null ? List.of() : List.of(subscriptionId);
            for (RetainedMessage r : retained.match(filter, now)) {
                if (security.canReceive(connection.clientId(), connection.username(), r.topic())) {
                    retainedToSend.add(new QueuedMessage(r.publish(), MqttQos.min(r.publish().qos(), granted), true,
                            idList, r.storedAtNanos()));
                }
            }
        }
        return MqttSubAckReasonCode.granted(granted);
    }

    private static MqttSharedFilter parseShared(String rawFilter, MqttConnection connection) {
        try {
            return MqttTopics.parseShared(rawFilter, connection.version());
        } catch (MqttDecodeException e) {
            return null;
        }
    }
}
