package io.mqttharness.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The MQTT 5 properties of one packet (or of a will), one nullable field per property identifier
 * (MQTT 5.0 section 2.2.2). A {@code null} field means "absent"; the two repeatable properties are lists
 * that are empty when absent. Single-byte flags are kept as raw integers so that a peer's out-of-range
 * value can still be represented and reported.
 *
 * <p>Byte arrays are not copied, for speed on the forwarding path: treat them as immutable.
 *
 * @param payloadFormatIndicator Payload Format Indicator (0x01): 0 unspecified bytes, 1 UTF-8.
 * @param messageExpiryInterval Message Expiry Interval (0x02), seconds.
 * @param contentType Content Type (0x03).
 * @param responseTopic Response Topic (0x08).
 * @param correlationData Correlation Data (0x09).
 * @param subscriptionIdentifiers Subscription Identifier (0x0B), repeatable on PUBLISH; never null.
 * @param sessionExpiryInterval Session Expiry Interval (0x11), seconds.
 * @param assignedClientIdentifier Assigned Client Identifier (0x12).
 * @param serverKeepAlive Server Keep Alive (0x13), seconds.
 * @param authenticationMethod Authentication Method (0x15).
 * @param authenticationData Authentication Data (0x16).
 * @param requestProblemInformation Request Problem Information (0x17), 0 or 1.
 * @param willDelayInterval Will Delay Interval (0x18), seconds.
 * @param requestResponseInformation Request Response Information (0x19), 0 or 1.
 * @param responseInformation Response Information (0x1A).
 * @param serverReference Server Reference (0x1C).
 * @param reasonString Reason String (0x1F).
 * @param receiveMaximum Receive Maximum (0x21), 1..65535.
 * @param topicAliasMaximum Topic Alias Maximum (0x22).
 * @param topicAlias Topic Alias (0x23), 1..65535.
 * @param maximumQos Maximum QoS (0x24), 0 or 1.
 * @param retainAvailable Retain Available (0x25), 0 or 1.
 * @param userProperties User Property (0x26), in wire order; never null.
 * @param maximumPacketSize Maximum Packet Size (0x27), bytes.
 * @param wildcardSubscriptionAvailable Wildcard Subscription Available (0x28), 0 or 1.
 * @param subscriptionIdentifierAvailable Subscription Identifier Available (0x29), 0 or 1.
 * @param sharedSubscriptionAvailable Shared Subscription Available (0x2A), 0 or 1.
 */
public record MqttProperties(
        Integer payloadFormatIndicator,
        Long messageExpiryInterval,
        String contentType,
        String responseTopic,
        byte[] correlationData,
        List<Integer> subscriptionIdentifiers,
        Long sessionExpiryInterval,
        String assignedClientIdentifier,
        Integer serverKeepAlive,
        String authenticationMethod,
        byte[] authenticationData,
        Integer requestProblemInformation,
        Long willDelayInterval,
        Integer requestResponseInformation,
        String responseInformation,
        String serverReference,
        String reasonString,
        Integer receiveMaximum,
        Integer topicAliasMaximum,
        Integer topicAlias,
        Integer maximumQos,
        Integer retainAvailable,
        List<MqttUserProperty> userProperties,
        Long maximumPacketSize,
        Integer wildcardSubscriptionAvailable,
        Integer subscriptionIdentifierAvailable,
        Integer sharedSubscriptionAvailable) {

    /** No properties at all: what MQTT 3.1.1 packets always carry. */
    public static final MqttProperties EMPTY = builder().build();

    public MqttProperties {
        subscriptionIdentifiers = subscriptionIdentifiers == null ? List.of() : List.copyOf(subscriptionIdentifiers);
        userProperties = userProperties == null ? List.of() : List.copyOf(userProperties);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preloaded with these properties, to derive a modified copy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** True when no property is present. */
    public boolean isEmpty() {
        // EMPTY is what every MQTT 3.1.1 packet and most MQTT 5 ones carry: skip the 27 field tests for it
        return this == EMPTY || payloadFormatIndicator == null && messageExpiryInterval == null && contentType == null && responseTopic == null && correlationData == null && subscriptionIdentifiers.isEmpty() && sessionExpiryInterval == null && assignedClientIdentifier == null && serverKeepAlive == null && authenticationMethod == null && authenticationData == null && requestProblemInformation == null && willDelayInterval == null && requestResponseInformation == null && responseInformation == null && serverReference == null && reasonString == null && receiveMaximum == null && topicAliasMaximum == null && topicAlias == null && maximumQos == null && retainAvailable == null && userProperties.isEmpty() && maximumPacketSize == null && wildcardSubscriptionAvailable == null && subscriptionIdentifierAvailable == null && sharedSubscriptionAvailable == null;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof MqttProperties o)) {
            return false;
        }
        return Objects.equals(payloadFormatIndicator, o.payloadFormatIndicator) && Objects.equals(messageExpiryInterval, o.messageExpiryInterval) && Objects.equals(contentType, o.contentType) && Objects.equals(responseTopic, o.responseTopic) && Arrays.equals(correlationData, o.correlationData) && Objects.equals(subscriptionIdentifiers, o.subscriptionIdentifiers) && Objects.equals(sessionExpiryInterval, o.sessionExpiryInterval) && Objects.equals(assignedClientIdentifier, o.assignedClientIdentifier) && Objects.equals(serverKeepAlive, o.serverKeepAlive) && Objects.equals(authenticationMethod, o.authenticationMethod) && Arrays.equals(authenticationData, o.authenticationData) && Objects.equals(requestProblemInformation, o.requestProblemInformation) && Objects.equals(willDelayInterval, o.willDelayInterval) && Objects.equals(requestResponseInformation, o.requestResponseInformation) && Objects.equals(responseInformation, o.responseInformation) && Objects.equals(serverReference, o.serverReference) && Objects.equals(reasonString, o.reasonString) && Objects.equals(receiveMaximum, o.receiveMaximum) && Objects.equals(topicAliasMaximum, o.topicAliasMaximum) && Objects.equals(topicAlias, o.topicAlias) && Objects.equals(maximumQos, o.maximumQos) && Objects.equals(retainAvailable, o.retainAvailable) && Objects.equals(userProperties, o.userProperties) && Objects.equals(maximumPacketSize, o.maximumPacketSize) && Objects.equals(wildcardSubscriptionAvailable, o.wildcardSubscriptionAvailable) && Objects.equals(subscriptionIdentifierAvailable, o.subscriptionIdentifierAvailable) && Objects.equals(sharedSubscriptionAvailable, o.sharedSubscriptionAvailable);
    }

    @Override
    public int hashCode() {
        return Objects.hash(payloadFormatIndicator, messageExpiryInterval, contentType, responseTopic, Arrays.hashCode(correlationData), subscriptionIdentifiers, sessionExpiryInterval, assignedClientIdentifier, serverKeepAlive, authenticationMethod, Arrays.hashCode(authenticationData), requestProblemInformation, willDelayInterval, requestResponseInformation, responseInformation, serverReference, reasonString, receiveMaximum, topicAliasMaximum, topicAlias, maximumQos, retainAvailable, userProperties, maximumPacketSize, wildcardSubscriptionAvailable, subscriptionIdentifierAvailable, sharedSubscriptionAvailable);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("MqttProperties[");
        if (payloadFormatIndicator != null) { sb.append(", payloadFormatIndicator=").append(payloadFormatIndicator); }
        if (messageExpiryInterval != null) { sb.append(", messageExpiryInterval=").append(messageExpiryInterval); }
        if (contentType != null) { sb.append(", contentType=").append(contentType); }
        if (responseTopic != null) { sb.append(", responseTopic=").append(responseTopic); }
        if (correlationData != null) { sb.append(", correlationData=").append(hex(correlationData)); }
        if (!subscriptionIdentifiers.isEmpty()) { sb.append(", subscriptionIdentifiers=").append(subscriptionIdentifiers); }
        if (sessionExpiryInterval != null) { sb.append(", sessionExpiryInterval=").append(sessionExpiryInterval); }
        if (assignedClientIdentifier != null) { sb.append(", assignedClientIdentifier=").append(assignedClientIdentifier); }
        if (serverKeepAlive != null) { sb.append(", serverKeepAlive=").append(serverKeepAlive); }
        if (authenticationMethod != null) { sb.append(", authenticationMethod=").append(authenticationMethod); }
        if (authenticationData != null) { sb.append(", authenticationData=").append(hex(authenticationData)); }
        if (requestProblemInformation != null) { sb.append(", requestProblemInformation=").append(requestProblemInformation); }
        if (willDelayInterval != null) { sb.append(", willDelayInterval=").append(willDelayInterval); }
        if (requestResponseInformation != null) { sb.append(", requestResponseInformation=").append(requestResponseInformation); }
        if (responseInformation != null) { sb.append(", responseInformation=").append(responseInformation); }
        if (serverReference != null) { sb.append(", serverReference=").append(serverReference); }
        if (reasonString != null) { sb.append(", reasonString=").append(reasonString); }
        if (receiveMaximum != null) { sb.append(", receiveMaximum=").append(receiveMaximum); }
        if (topicAliasMaximum != null) { sb.append(", topicAliasMaximum=").append(topicAliasMaximum); }
        if (topicAlias != null) { sb.append(", topicAlias=").append(topicAlias); }
        if (maximumQos != null) { sb.append(", maximumQos=").append(maximumQos); }
        if (retainAvailable != null) { sb.append(", retainAvailable=").append(retainAvailable); }
        if (!userProperties.isEmpty()) { sb.append(", userProperties=").append(userProperties); }
        if (maximumPacketSize != null) { sb.append(", maximumPacketSize=").append(maximumPacketSize); }
        if (wildcardSubscriptionAvailable != null) { sb.append(", wildcardSubscriptionAvailable=").append(wildcardSubscriptionAvailable); }
        if (subscriptionIdentifierAvailable != null) { sb.append(", subscriptionIdentifierAvailable=").append(subscriptionIdentifierAvailable); }
        if (sharedSubscriptionAvailable != null) { sb.append(", sharedSubscriptionAvailable=").append(sharedSubscriptionAvailable); }
        if (sb.length() > 15 && sb.charAt(15) == ',') {
            sb.delete(15, 17);
        }
        return sb.append(']').toString();
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder("0x");
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    /** Mutable builder for {@link MqttProperties}. */
    public static final class Builder {
        private Integer payloadFormatIndicator;
        private Long messageExpiryInterval;
        private String contentType;
        private String responseTopic;
        private byte[] correlationData;
        private List<Integer> subscriptionIdentifiers = List.of();
        private Long sessionExpiryInterval;
        private String assignedClientIdentifier;
        private Integer serverKeepAlive;
        private String authenticationMethod;
        private byte[] authenticationData;
        private Integer requestProblemInformation;
        private Long willDelayInterval;
        private Integer requestResponseInformation;
        private String responseInformation;
        private String serverReference;
        private String reasonString;
        private Integer receiveMaximum;
        private Integer topicAliasMaximum;
        private Integer topicAlias;
        private Integer maximumQos;
        private Integer retainAvailable;
        private List<MqttUserProperty> userProperties = List.of();
        private Long maximumPacketSize;
        private Integer wildcardSubscriptionAvailable;
        private Integer subscriptionIdentifierAvailable;
        private Integer sharedSubscriptionAvailable;

        private Builder() {
        }

        private Builder(MqttProperties p) {
            this.payloadFormatIndicator = p.payloadFormatIndicator;
            this.messageExpiryInterval = p.messageExpiryInterval;
            this.contentType = p.contentType;
            this.responseTopic = p.responseTopic;
            this.correlationData = p.correlationData;
            this.subscriptionIdentifiers = p.subscriptionIdentifiers;
            this.sessionExpiryInterval = p.sessionExpiryInterval;
            this.assignedClientIdentifier = p.assignedClientIdentifier;
            this.serverKeepAlive = p.serverKeepAlive;
            this.authenticationMethod = p.authenticationMethod;
            this.authenticationData = p.authenticationData;
            this.requestProblemInformation = p.requestProblemInformation;
            this.willDelayInterval = p.willDelayInterval;
            this.requestResponseInformation = p.requestResponseInformation;
            this.responseInformation = p.responseInformation;
            this.serverReference = p.serverReference;
            this.reasonString = p.reasonString;
            this.receiveMaximum = p.receiveMaximum;
            this.topicAliasMaximum = p.topicAliasMaximum;
            this.topicAlias = p.topicAlias;
            this.maximumQos = p.maximumQos;
            this.retainAvailable = p.retainAvailable;
            this.userProperties = p.userProperties;
            this.maximumPacketSize = p.maximumPacketSize;
            this.wildcardSubscriptionAvailable = p.wildcardSubscriptionAvailable;
            this.subscriptionIdentifierAvailable = p.subscriptionIdentifierAvailable;
            this.sharedSubscriptionAvailable = p.sharedSubscriptionAvailable;
        }

        public Builder payloadFormatIndicator(Integer value) {
            this.payloadFormatIndicator = value;
            return this;
        }

        public Builder messageExpiryInterval(Long value) {
            this.messageExpiryInterval = value;
            return this;
        }

        public Builder contentType(String value) {
            this.contentType = value;
            return this;
        }

        public Builder responseTopic(String value) {
            this.responseTopic = value;
            return this;
        }

        public Builder correlationData(byte[] value) {
            this.correlationData = value;
            return this;
        }

        public Builder subscriptionIdentifiers(List<Integer> value) {
            this.subscriptionIdentifiers = value == null ? List.of() : value;
            return this;
        }

        public Builder sessionExpiryInterval(Long value) {
            this.sessionExpiryInterval = value;
            return this;
        }

        public Builder assignedClientIdentifier(String value) {
            this.assignedClientIdentifier = value;
            return this;
        }

        public Builder serverKeepAlive(Integer value) {
            this.serverKeepAlive = value;
            return this;
        }

        public Builder authenticationMethod(String value) {
            this.authenticationMethod = value;
            return this;
        }

        public Builder authenticationData(byte[] value) {
            this.authenticationData = value;
            return this;
        }

        public Builder requestProblemInformation(Integer value) {
            this.requestProblemInformation = value;
            return this;
        }

        public Builder willDelayInterval(Long value) {
            this.willDelayInterval = value;
            return this;
        }

        public Builder requestResponseInformation(Integer value) {
            this.requestResponseInformation = value;
            return this;
        }

        public Builder responseInformation(String value) {
            this.responseInformation = value;
            return this;
        }

        public Builder serverReference(String value) {
            this.serverReference = value;
            return this;
        }

        public Builder reasonString(String value) {
            this.reasonString = value;
            return this;
        }

        public Builder receiveMaximum(Integer value) {
            this.receiveMaximum = value;
            return this;
        }

        public Builder topicAliasMaximum(Integer value) {
            this.topicAliasMaximum = value;
            return this;
        }

        public Builder topicAlias(Integer value) {
            this.topicAlias = value;
            return this;
        }

        public Builder maximumQos(Integer value) {
            this.maximumQos = value;
            return this;
        }

        public Builder retainAvailable(Integer value) {
            this.retainAvailable = value;
            return this;
        }

        public Builder userProperties(List<MqttUserProperty> value) {
            this.userProperties = value == null ? List.of() : value;
            return this;
        }

        public Builder maximumPacketSize(Long value) {
            this.maximumPacketSize = value;
            return this;
        }

        public Builder wildcardSubscriptionAvailable(Integer value) {
            this.wildcardSubscriptionAvailable = value;
            return this;
        }

        public Builder subscriptionIdentifierAvailable(Integer value) {
            this.subscriptionIdentifierAvailable = value;
            return this;
        }

        public Builder sharedSubscriptionAvailable(Integer value) {
            this.sharedSubscriptionAvailable = value;
            return this;
        }

        public Builder addUserProperty(String name, String value) {
            List<MqttUserProperty> copy = new ArrayList<>(userProperties);
            copy.add(new MqttUserProperty(name, value));
            this.userProperties = copy;
            return this;
        }

        public Builder addSubscriptionIdentifier(int value) {
            List<Integer> copy = new ArrayList<>(subscriptionIdentifiers);
            copy.add(value);
            this.subscriptionIdentifiers = copy;
            return this;
        }

        public MqttProperties build() {
            return new MqttProperties(payloadFormatIndicator, messageExpiryInterval, contentType, responseTopic, correlationData, subscriptionIdentifiers, sessionExpiryInterval, assignedClientIdentifier, serverKeepAlive, authenticationMethod, authenticationData, requestProblemInformation, willDelayInterval, requestResponseInformation, responseInformation, serverReference, reasonString, receiveMaximum, topicAliasMaximum, topicAlias, maximumQos, retainAvailable, userProperties, maximumPacketSize, wildcardSubscriptionAvailable, subscriptionIdentifierAvailable, sharedSubscriptionAvailable);
        }
    }
}
