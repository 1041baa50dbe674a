package io.mqttharness.codec.decode;

import static io.mqttharness.codec.decode.MqttDecodeSupport.malformed;
import static io.mqttharness.codec.decode.MqttDecodeSupport.protocolError;

import io.mqttharness.codec.MqttDecodeException;
import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttPropertyId;
import io.mqttharness.codec.MqttTopics;
import io.mqttharness.codec.MqttUserProperty;
import io.mqttharness.codec.MqttUtf8;
import io.mqttharness.codec.MqttVariableByteInteger;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes an MQTT 5 property list (MQTT 5.0 section 2.2.2): Property Length, then identifier/value pairs.
 *
 * <p>Classification follows the specification: an unknown identifier, one not valid for the packet (or will),
 * a value of the wrong type or a length running past the packet are Malformed (section 2.2.2.2); a repeated
 * non-repeatable property and out-of-range values ("It is a Protocol Error to include ... more than once or
 * for it to have the value 0") are Protocol Errors.
 */
public final class MqttPropertiesDecoder {
    private static final MqttVersion V5 = MqttVersion.MQTT_5;

    private MqttPropertiesDecoder() {
    }

    /** Reads the property list of a packet of type {@code packetType}. */
    public static MqttProperties read(ByteBuf buf, MqttPacketType packetType) {
        return read(buf, packetType, false);
    }

    /** Reads the Will Properties of a CONNECT payload (MQTT 5.0 section 3.1.3.2). */
    public static MqttProperties readWill(ByteBuf buf) {
        return read(buf, MqttPacketType.CONNECT, true);
    }

    private static MqttProperties read(ByteBuf buf, MqttPacketType packetType, boolean will) {
        if (!buf.isReadable()) {
            throw malformed(null, "packet too short: property length missing");
        }
        int length = MqttVariableByteInteger.read(buf, V5);
        if (length == 0) {
            return MqttProperties.EMPTY;
        }
        if (length > buf.readableBytes()) {
            throw malformed(null, "property length " + length + " exceeds the " + buf.readableBytes()
                    + " bytes left in the packet");
        }
        ByteBuf props = buf.readSlice(length);
        String where = will ? "Will Properties" : packetType.name();
        MqttProperties.Builder b = MqttProperties.builder();
        List<MqttUserProperty> userProperties = null;
        List<Integer> subscriptionIds = null;
        long seen = 0;
        while (props.isReadable()) {
            int idValue = props.readUnsignedByte();
            if (idValue >= 0x80) {
                // no identifier needs a second byte, but a longer (or non-minimal) one must still be reported
                // exactly as the Variable Byte Integer it is
                props.readerIndex(props.readerIndex() - 1);
                idValue = MqttVariableByteInteger.read(props, V5);
            }
            MqttPropertyId id = MqttPropertyId.fromId(idValue);
            if (id == null) {
                throw malformed(null, "unknown property identifier 0x" + Integer.toHexString(idValue) + " in " + where);
            }
            if (will ? !id.allowedInWill() : !id.allowedIn(packetType)) {
                throw malformed(null, "property " + id + " is not valid in " + where);
            }
            long bit = 1L << id.id();
            boolean repeatable = id == MqttPropertyId.USER_PROPERTY
                    || (id == MqttPropertyId.SUBSCRIPTION_IDENTIFIER && packetType == MqttPacketType.PUBLISH);
            if ((seen & bit) != 0 && !repeatable) {
                throw protocolError(null, "property " + id + " included more than once in " + where);
            }
            seen |= bit;
            switch (id) {
                case PAYLOAD_FORMAT_INDICATOR:
                    b.payloadFormatIndicator(readFlag(props, id));
                    break;
                case MESSAGE_EXPIRY_INTERVAL:
                    b.messageExpiryInterval(MqttDecodeSupport.readUnsignedInt(props, id.name()));
                    break;
                case CONTENT_TYPE:
                    b.contentType(MqttUtf8.read(props, V5));
                    break;
                case RESPONSE_TOPIC:
                    b.responseTopic(readResponseTopic(props));
                    break;
                case CORRELATION_DATA:
                    b.correlationData(MqttDecodeSupport.readBinary(props, id.name()));
                    break;
                case SUBSCRIPTION_IDENTIFIER:
                    if (subscriptionIds == null) {
                        subscriptionIds = new ArrayList<>(2);
                    }
                    subscriptionIds.add(readSubscriptionIdentifier(props));
                    break;
                case SESSION_EXPIRY_INTERVAL:
                    b.sessionExpiryInterval(MqttDecodeSupport.readUnsignedInt(props, id.name()));
                    break;
                case ASSIGNED_CLIENT_IDENTIFIER:
                    b.assignedClientIdentifier(MqttUtf8.read(props, V5));
                    break;
                case SERVER_KEEP_ALIVE:
                    b.serverKeepAlive(MqttDecodeSupport.readUnsignedShort(props, id.name()));
                    break;
                case AUTHENTICATION_METHOD:
                    b.authenticationMethod(MqttUtf8.read(props, V5));
                    break;
                case AUTHENTICATION_DATA:
                    b.authenticationData(MqttDecodeSupport.readBinary(props, id.name()));
                    break;
                case REQUEST_PROBLEM_INFORMATION:
                    b.requestProblemInformation(readFlag(props, id));
                    break;
                case WILL_DELAY_INTERVAL:
                    b.willDelayInterval(MqttDecodeSupport.readUnsignedInt(props, id.name()));
                    break;
                case REQUEST_RESPONSE_INFORMATION:
                    b.requestResponseInformation(readFlag(props, id));
                    break;
                case RESPONSE_INFORMATION:
                    b.responseInformation(MqttUtf8.read(props, V5));
                    break;
                case SERVER_REFERENCE:
                    b.serverReference(MqttUtf8.read(props, V5));
                    break;
                case REASON_STRING:
                    b.reasonString(MqttUtf8.read(props, V5));
                    break;
                case RECEIVE_MAXIMUM:
                    b.receiveMaximum(readNonZeroShort(props, id));
                    break;
                case TOPIC_ALIAS_MAXIMUM:
                    b.topicAliasMaximum(MqttDecodeSupport.readUnsignedShort(props, id.name()));
                    break;
                case TOPIC_ALIAS:
                    b.topicAlias(readTopicAlias(props));
                    break;
                case MAXIMUM_QOS:
                    b.maximumQos(readFlag(props, id));
                    break;
                case RETAIN_AVAILABLE:
                    b.retainAvailable(readFlag(props, id));
                    break;
                case USER_PROPERTY:
                    if (userProperties == null) {
                        userProperties = new ArrayList<>(4);
                    }
                    String name = MqttUtf8.read(props, V5);
                    userProperties.add(new MqttUserProperty(name, MqttUtf8.read(props, V5)));
                    break;
                case MAXIMUM_PACKET_SIZE:
                    long max = MqttDecodeSupport.readUnsignedInt(props, id.name());
                    if (max == 0) {
                        throw protocolError(null, "Maximum Packet Size must not be 0");
                    }
                    b.maximumPacketSize(max);
                    break;
                case WILDCARD_SUBSCRIPTION_AVAILABLE:
                    b.wildcardSubscriptionAvailable(readFlag(props, id));
                    break;
                case SUBSCRIPTION_IDENTIFIER_AVAILABLE:
                    b.subscriptionIdentifierAvailable(readFlag(props, id));
                    break;
                case SHARED_SUBSCRIPTION_AVAILABLE:
                    b.sharedSubscriptionAvailable(readFlag(props, id));
                    break;
                default:
                    throw new IllegalStateException("unhandled property " + id);
            }
        }
        if (userProperties != null) {
            b.userProperties(userProperties);
        }
        if (subscriptionIds != null) {
            b.subscriptionIdentifiers(subscriptionIds);
        }
        return b.build();
    }

    /** The single-byte properties that only take 0 or 1. */
    private static int readFlag(ByteBuf buf, MqttPropertyId id) {
        int v = MqttDecodeSupport.readUnsignedByte(buf, id.name());
        if (v > 1) {
            throw protocolError(null, id + " must be 0 or 1, got " + v);
        }
        return v;
    }

    private static int readNonZeroShort(ByteBuf buf, MqttPropertyId id) {
        int v = MqttDecodeSupport.readUnsignedShort(buf, id.name());
        if (v == 0) {
            throw protocolError(null, id + " must not be 0");
        }
        return v;
    }

    private static int readTopicAlias(ByteBuf buf) {
        int v = MqttDecodeSupport.readUnsignedShort(buf, "TOPIC_ALIAS");
        if (v == 0) {
            throw new MqttDecodeException(MqttDisconnectReasonCode.TOPIC_ALIAS_INVALID, "MQTT-3.3.2-8",
                    "Topic Alias must not be 0");
        }
        return v;
    }

    private static int readSubscriptionIdentifier(ByteBuf buf) {
        if (!buf.isReadable()) {
            throw malformed(null, "packet too short: Subscription Identifier value missing");
        }
        int v = MqttVariableByteInteger.read(buf, V5);
        if (v == 0) {
            throw protocolError(null, "Subscription Identifier must be 1..268435455, got 0");
        }
        return v;
    }

    private static String readResponseTopic(ByteBuf buf) {
        String topic = MqttUtf8.read(buf, V5);
        if (MqttTopics.containsWildcard(topic)) {
            throw protocolError("MQTT-3.3.2-14", "Response Topic must not contain wildcards: '" + topic + "'");
        }
        if (topic.isEmpty()) {
            throw protocolError("MQTT-4.7.3-1", "Response Topic must be at least one character long");
        }
        return topic;
    }
}
