package io.mqttharness.broker.subscription;

import io.mqttharness.broker.connection.MqttConnection;
import io.mqttharness.broker.connection.OutboundPacketWriter;
import io.mqttharness.broker.routing.SubscriptionTree;
import io.mqttharness.codec.MqttDecodeException;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttSharedFilter;
import io.mqttharness.codec.MqttTopics;
import io.mqttharness.codec.packet.MqttUnsubAck;
import io.mqttharness.codec.packet.MqttUnsubscribe;
import io.mqttharness.codec.reason.MqttUnsubAckReasonCode;
import java.util.ArrayList;
import java.util.List;

/**
 * UNSUBSCRIBE (section 3.10): removes each matching subscription and always answers UNSUBACK, also when nothing
 * matched (MQTT-3.10.4-5 in 3.1.1 and 5.0); in MQTT 5 with one reason code per filter in order (MQTT-3.11.3-1),
 * 0x11 No subscription existed where nothing was removed (MQTT-3.11.3-2).
 */
public final class UnsubscribeHandler {
    private final SubscriptionTree subscriptions;
    private final OutboundPacketWriter writer;

    public UnsubscribeHandler(SubscriptionTree subscriptions, OutboundPacketWriter writer) {
        this.subscriptions = subscriptions;
        this.writer = writer;
    }

    public void onUnsubscribe(MqttConnection connection, MqttUnsubscribe unsubscribe) {
        List<MqttUnsubAckReasonCode> codes = new ArrayList<>();
        for (String raw : unsubscribe.topicFilters()) {
            codes.add(unsubscribeOne(connection, raw));
        }
        writer.writeAndFlush(connection, new MqttUnsubAck(unsubscribe.packetId(),
                connection.isV5() ? codes : List.of(), MqttProperties.EMPTY));
    }

    private MqttUnsubAckReasonCode unsubscribeOne(MqttConnection connection, String raw) {
        MqttSharedFilter shared;
        String filter;
        try {
            shared = MqttTopics.parseShared(raw, connection.version());
            filter = shared == null ? raw : shared.topicFilter();
            MqttTopics.validateTopicFilter(filter, connection.version());
        } catch (MqttDecodeException e) {
            return MqttUnsubAckReasonCode.TOPIC_FILTER_INVALID;
        }
        String group = shared == null ? null : shared.shareGroup();
        Object removed = subscriptions.unsubscribe(connection.clientId(), group, filter);
        if (removed != null) {
            connection.session().journalUnsubscribed(group, filter);
        }
        return removed != null ? MqttUnsubAckReasonCode.SUCCESS : MqttUnsubAckReasonCode.NO_SUBSCRIPTION_EXISTED;
    }
}
