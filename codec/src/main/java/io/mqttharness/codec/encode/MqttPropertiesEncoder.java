package io.mqttharness.codec.encode;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttPropertyId;
import io.mqttharness.codec.MqttUserProperty;
import io.mqttharness.codec.MqttUtf8;
import io.mqttharness.codec.MqttVariableByteInteger;
import io.mqttharness.codec.MqttVersion;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Sizes, checks and writes MQTT 5 property lists (MQTT 5.0 section 2.2.2) in identifier order, user properties
 * in list order. Internal to the codec.
 */
public final class MqttPropertiesEncoder {
    private MqttPropertiesEncoder() {
    }

    /**
     * Fails for properties that {@code version} cannot carry (any, before MQTT 5) or that {@code type} (or a
     * will, when {@code will} is true) may not carry, and for values that do not fit their wire type.
     */
    public static void check(MqttProperties p, MqttPacketType type, boolean will, MqttVersion version) {
        if (p.isEmpty()) {
            return;
        }
        String where = will ? "Will Properties" : type.name();
        if (!version.isV5()) {
            throw new IllegalArgumentException("MQTT " + version.displayName() + " has no properties, but " + where
                    + " carries " + p);
        }
        allowed(p.payloadFormatIndicator(), MqttPropertyId.PAYLOAD_FORMAT_INDICATOR, type, will, 0xFF);
        allowed(p.messageExpiryInterval(), MqttPropertyId.MESSAGE_EXPIRY_INTERVAL, type, will);
        allowed(p.contentType(), MqttPropertyId.CONTENT_TYPE, type, will);
        allowed(p.responseTopic(), MqttPropertyId.RESPONSE_TOPIC, type, will);
        allowed(p.correlationData(), MqttPropertyId.CORRELATION_DATA, type, will);
        if (!p.subscriptionIdentifiers().isEmpty()) {
            allowed(Boolean.TRUE, MqttPropertyId.SUBSCRIPTION_IDENTIFIER, type, will);
            if (type != MqttPacketType.PUBLISH && p.subscriptionIdentifiers().size() > 1) {
                throw new IllegalArgumentException(type + " may carry only one Subscription Identifier");
            }
            for (Integer id : p.subscriptionIdentifiers()) {
                MqttVariableByteInteger.size(id);
            }
        }
        allowed(p.sessionExpiryInterval(), MqttPropertyId.SESSION_EXPIRY_INTERVAL, type, will);
        allowed(p.assignedClientIdentifier(), MqttPropertyId.ASSIGNED_CLIENT_IDENTIFIER, type, will);
        allowed(p.serverKeepAlive(), MqttPropertyId.SERVER_KEEP_ALIVE, type, will, 0xFFFF);
        allowed(p.authenticationMethod(), MqttPropertyId.AUTHENTICATION_METHOD, type, will);
        allowed(p.authenticationData(), MqttPropertyId.AUTHENTICATION_DATA, type, will);
        allowed(p.requestProblemInformation(), MqttPropertyId.REQUEST_PROBLEM_INFORMATION, type, will, 0xFF);
        allowed(p.willDelayInterval(), MqttPropertyId.WILL_DELAY_INTERVAL, type, will);
        allowed(p.requestResponseInformation(), MqttPropertyId.REQUEST_RESPONSE_INFORMATION, type, will, 0xFF);
        allowed(p.responseInformation(), MqttPropertyId.RESPONSE_INFORMATION, type, will);
        allowed(p.serverReference(), MqttPropertyId.SERVER_REFERENCE, type, will);
        allowed(p.reasonString(), MqttPropertyId.REASON_STRING, type, will);
        allowed(p.receiveMaximum(), MqttPropertyId.RECEIVE_MAXIMUM, type, will, 0xFFFF);
        allowed(p.topicAliasMaximum(), MqttPropertyId.TOPIC_ALIAS_MAXIMUM, type, will, 0xFFFF);
        allowed(p.topicAlias(), MqttPropertyId.TOPIC_ALIAS, type, will, 0xFFFF);
        allowed(p.maximumQos(), MqttPropertyId.MAXIMUM_QOS, type, will, 0xFF);
        allowed(p.retainAvailable(), MqttPropertyId.RETAIN_AVAILABLE, type, will, 0xFF);
        if (!p.userProperties().isEmpty()) {
            allowed(Boolean.TRUE, MqttPropertyId.USER_PROPERTY, type, will);
        }
        allowed(p.maximumPacketSize(), MqttPropertyId.MAXIMUM_PACKET_SIZE, type, will);
        allowed(p.wildcardSubscriptionAvailable(), MqttPropertyId.WILDCARD_SUBSCRIPTION_AVAILABLE, type, will, 0xFF);
        allowed(p.subscriptionIdentifierAvailable(), MqttPropertyId.SUBSCRIPTION_IDENTIFIER_AVAILABLE, type, will, 0xFF);
        allowed(p.sharedSubscriptionAvailable(), MqttPropertyId.SHARED_SUBSCRIPTION_AVAILABLE, type, will, 0xFF);
    }

    /** Property Length field plus the properties: what {@link #write} puts on the wire. */
    public static int sizeWithLength(MqttProperties p) {
        int size = size(p);
        return MqttVariableByteInteger.size(size) + size;
    }

    /** The bytes of the properties themselves, without the Property Length field. */
    public static int size(MqttProperties p) {
        if (p.isEmpty()) {
            return 0;
        }
        int size = 0;
        size += p.payloadFormatIndicator() != null ? 2 : 0;
        size += p.messageExpiryInterval() != null ? 5 : 0;
        size += p.contentType() != null ? 1 + MqttUtf8.size(p.contentType()) : 0;
        size += p.responseTopic() != null ? 1 + MqttUtf8.size(p.responseTopic()) : 0;
        size += p.correlationData() != null ? 1 + MqttEncodeSupport.binarySize(p.correlationData(), "Correlation Data") : 0;
        for (Integer id : p.subscriptionIdentifiers()) {
            size += 1 + MqttVariableByteInteger.size(id);
        }
        size += p.sessionExpiryInterval() != null ? 5 : 0;
        size += p.assignedClientIdentifier() != null ? 1 + MqttUtf8.size(p.assignedClientIdentifier()) : 0;
        size += p.serverKeepAlive() != null ? 3 : 0;
        size += p.authenticationMethod() != null ? 1 + MqttUtf8.size(p.authenticationMethod()) : 0;
        size += p.authenticationData() != null ? 1 + MqttEncodeSupport.binarySize(p.authenticationData(), "Authentication Data") : 0;
        size += p.requestProblemInformation() != null ? 2 : 0;
        size += p.willDelayInterval() != null ? 5 : 0;
        size += p.requestResponseInformation() != null ? 2 : 0;
        size += p.responseInformation() != null ? 1 + MqttUtf8.size(p.responseInformation()) : 0;
        size += p.serverReference() != null ? 1 + MqttUtf8.size(p.serverReference()) : 0;
        size += p.reasonString() != null ? 1 + MqttUtf8.size(p.reasonString()) : 0;
        size += p.receiveMaximum() != null ? 3 : 0;
        size += p.topicAliasMaximum() != null ? 3 : 0;
        size += p.topicAlias() != null ? 3 : 0;
        size += p.maximumQos() != null ? 2 : 0;
        size += p.retainAvailable() != null ? 2 : 0;
        for (MqttUserProperty u : p.userProperties()) {
            size += 1 + MqttUtf8.size(u.name()) + MqttUtf8.size(u.value());
        }
        size += p.maximumPacketSize() != null ? 5 : 0;
        size += p.wildcardSubscriptionAvailable() != null ? 2 : 0;
        size += p.subscriptionIdentifierAvailable() != null ? 2 : 0;
        size += p.sharedSubscriptionAvailable() != null ? 2 : 0;
        return size;
    }

    /** Writes the Property Length and the properties. */
    public static void write(ByteBuf buf, MqttProperties p) {
        write(buf, p, size(p));
    }

    /**
     * Writes the Property Length and the properties when their {@link #size(MqttProperties) size} is already
     * known, sparing a second sizing pass over every string.
     *
     * @param size {@code size(p)}; not re-checked
     */
    public static void write(ByteBuf buf, MqttProperties p, int size) {
        if (size == 0) {
            buf.writeByte(0);
            return;
        }
        MqttVariableByteInteger.write(buf, size);
        writeByte(buf, MqttPropertyId.PAYLOAD_FORMAT_INDICATOR, p.payloadFormatIndicator());
        writeInt(buf, MqttPropertyId.MESSAGE_EXPIRY_INTERVAL, p.messageExpiryInterval());
        writeString(buf, MqttPropertyId.CONTENT_TYPE, p.contentType());
        writeString(buf, MqttPropertyId.RESPONSE_TOPIC, p.responseTopic());
        writeBinary(buf, MqttPropertyId.CORRELATION_DATA, p.correlationData());
        for (Integer id : p.subscriptionIdentifiers()) {
            buf.writeByte(MqttPropertyId.SUBSCRIPTION_IDENTIFIER.id());
            MqttVariableByteInteger.write(buf, id);
        }
        writeInt(buf, MqttPropertyId.SESSION_EXPIRY_INTERVAL, p.sessionExpiryInterval());
        writeString(buf, MqttPropertyId.ASSIGNED_CLIENT_IDENTIFIER, p.assignedClientIdentifier());
        writeShort(buf, MqttPropertyId.SERVER_KEEP_ALIVE, p.serverKeepAlive());
        writeString(buf, MqttPropertyId.AUTHENTICATION_METHOD, p.authenticationMethod());
        writeBinary(buf, MqttPropertyId.AUTHENTICATION_DATA, p.authenticationData());
        writeByte(buf, MqttPropertyId.REQUEST_PROBLEM_INFORMATION, p.requestProblemInformation());
        writeInt(buf, MqttPropertyId.WILL_DELAY_INTERVAL, p.willDelayInterval());
        writeByte(buf, MqttPropertyId.REQUEST_RESPONSE_INFORMATION, p.requestResponseInformation());
        writeString(buf, MqttPropertyId.RESPONSE_INFORMATION, p.responseInformation());
        writeString(buf, MqttPropertyId.SERVER_REFERENCE, p.serverReference());
        writeString(buf, MqttPropertyId.REASON_STRING, p.reasonString());
        writeShort(buf, MqttPropertyId.RECEIVE_MAXIMUM, p.receiveMaximum());
        writeShort(buf, MqttPropertyId.TOPIC_ALIAS_MAXIMUM, p.topicAliasMaximum());
        writeShort(buf, MqttPropertyId.TOPIC_ALIAS, p.topicAlias());
        writeByte(buf, MqttPropertyId.MAXIMUM_QOS, p.maximumQos());
        writeByte(buf, MqttPropertyId.RETAIN_AVAILABLE, p.retainAvailable());
        List<MqttUserProperty> users = p.userProperties();
        for (int i = 0, n = users.size(); i < n; i++) {
            buf.writeByte(MqttPropertyId.USER_PROPERTY.id());
            MqttUtf8.write(buf, users.get(i).name());
            MqttUtf8.write(buf, users.get(i).value());
        }
        writeInt(buf, MqttPropertyId.MAXIMUM_PACKET_SIZE, p.maximumPacketSize());
        writeByte(buf, MqttPropertyId.WILDCARD_SUBSCRIPTION_AVAILABLE, p.wildcardSubscriptionAvailable());
        writeByte(buf, MqttPropertyId.SUBSCRIPTION_IDENTIFIER_AVAILABLE, p.subscriptionIdentifierAvailable());
        writeByte(buf, MqttPropertyId.SHARED_SUBSCRIPTION_AVAILABLE, p.sharedSubscriptionAvailable());
    }

    private static void allowed(Object value, MqttPropertyId id, MqttPacketType type, boolean will) {
        if (value == null) {
            return;
        }
        if (will ? !id.allowedInWill() : !id.allowedIn(type)) {
            throw new IllegalArgumentException("property " + id + " is not allowed in "
                    + (will ? "Will Properties" : type.name()));
        }
        if (value instanceof Long l && (l < 0 || l > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException(id + " out of range 0..4294967295: " + l);
        }
    }

    private static void allowed(Integer value, MqttPropertyId id, MqttPacketType type, boolean will, int max) {
        allowed((Object) value, id, type, will);
        if (value != null && (value < 0 || value > max)) {
            throw new IllegalArgumentException(id + " out of range 0.." + max + ": " + value);
        }
    }

    private static void writeByte(ByteBuf buf, MqttPropertyId id, Integer value) {
        if (value != null) {
            buf.writeByte(id.id());
            buf.writeByte(value);
        }
    }

    private static void writeShort(ByteBuf buf, MqttPropertyId id, Integer value) {
        if (value != null) {
            buf.writeByte(id.id());
            buf.writeShort(value);
        }
    }

    private static void writeInt(ByteBuf buf, MqttPropertyId id, Long value) {
        if (value != null) {
            buf.writeByte(id.id());
            buf.writeInt((int) (long) value);
        }
    }

    private static void writeString(ByteBuf buf, MqttPropertyId id, String value) {
        if (value != null) {
            buf.writeByte(id.id());
            MqttUtf8.write(buf, value);
        }
    }

    private static void writeBinary(ByteBuf buf, MqttPropertyId id, byte[] value) {
        if (value != null) {
            buf.writeByte(id.id());
            buf.writeShort(value.length);
            buf.writeBytes(value);
        }
    }
}
