package io.mqttharness.broker.connection;

import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.reason.MqttConnectReasonCode;

/**
 * Builds the successful CONNACK. MQTT 5 properties (section 3.2.2.3) tell the client the broker's limits:
 * Receive Maximum, Maximum QoS (only when below 2, MQTT-3.2.2-9), Retain Available (only when 0), Maximum
 * Packet Size, Topic Alias Maximum, the three "available" flags, and per connection the Assigned Client
 * Identifier (MQTT-3.2.2-16), Server Keep Alive (which the client must then use, MQTT-3.2.2-21), a capped Session Expiry Interval and Response
 * Information (only when requested, MQTT-3.1.2-28).
 */
final class ConnAckFactory {
    private final BrokerConfig config;

    ConnAckFactory(BrokerConfig config) {
        this.config = config;
    }

    /**
     * @param assignedClientId the identifier the broker assigned, or null
     * @param serverKeepAlive keep alive the broker imposes, or null when the client's applies
     * @param grantedSessionExpiry Session Expiry Interval to announce when it differs from the request, or null
     * @param responseInformation Response Information, or null when not requested
     * @param authProperties Authentication Method / Data of an enhanced authentication, or empty
     */
    MqttConnAck accepted(MqttConnection connection, boolean sessionPresent, String assignedClientId,
            Integer serverKeepAlive, Long grantedSessionExpiry, String responseInformation,
            MqttProperties authProperties) {
        if (!connection.isV5()) {
            return new MqttConnAck(sessionPresent, MqttConnectReasonCode.SUCCESS, MqttProperties.EMPTY);
        }
        MqttProperties.Builder b = authProperties.toBuilder()
                .assignedClientIdentifier(assignedClientId)
                .serverKeepAlive(serverKeepAlive)
                .sessionExpiryInterval(grantedSessionExpiry)
                .responseInformation(responseInformation)
                .wildcardSubscriptionAvailable(1)
                .subscriptionIdentifierAvailable(1)
                .sharedSubscriptionAvailable(1);
        if (config.receiveMaximum() < 65_535) {
            b.receiveMaximum(config.receiveMaximum());
        }
        if (config.maxQos() < 2) {
            b.maximumQos(config.maxQos());
        }
        if (!config.retainAvailable()) {
            b.retainAvailable(0);
        }
        if (config.maxPacketSize() > 0) {
            b.maximumPacketSize(config.maxPacketSize());
        }
        if (config.topicAliasMaximum() > 0) {
            b.topicAliasMaximum(config.topicAliasMaximum());
        }
        return new MqttConnAck(sessionPresent, MqttConnectReasonCode.SUCCESS, b.build());
    }

    /**
     * The same CONNACK without the properties whose absence means the same (Wildcard Subscription, Subscription
     * Identifier and Shared Subscription Available = 1, MQTT 5.0 sections 3.2.2.3.12-14), for a client whose
     * Maximum Packet Size is too small for the full one.
     */
    static MqttConnAck withoutDefaults(MqttConnAck connAck) {
        MqttProperties p = connAck.properties().toBuilder()
                .wildcardSubscriptionAvailable(null)
                .subscriptionIdentifierAvailable(null)
                .sharedSubscriptionAvailable(null)
                .build();
        return new MqttConnAck(connAck.sessionPresent(), connAck.reasonCode(), p);
    }
}
