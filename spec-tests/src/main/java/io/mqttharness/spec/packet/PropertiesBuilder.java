package io.mqttharness.spec.packet;

import com.fasterxml.jackson.databind.JsonNode;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttPropertyId;
import io.mqttharness.spec.scenario.YamlValues;
import java.util.Iterator;
import java.util.Map;

/** Builds {@link MqttProperties} from a scenario's {@code properties:} mapping (snake_case property names). */
public final class PropertiesBuilder {
    private PropertiesBuilder() {
    }

    /** The properties of a mapping, or {@link MqttProperties#EMPTY} for a missing node. */
    public static MqttProperties build(JsonNode node) {
        if (node == null || node.isNull()) {
            return MqttProperties.EMPTY;
        }
        MqttProperties.Builder b = MqttProperties.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            MqttPropertyId id = PacketFieldNames.property(e.getKey());
            if (id == null) {
                throw new IllegalArgumentException("unknown property '" + e.getKey() + "'");
            }
            set(b, id, e.getValue(), "properties." + e.getKey());
        }
        return b.build();
    }

    private static void set(MqttProperties.Builder b, MqttPropertyId id, JsonNode v, String field) {
        switch (id) {
            case PAYLOAD_FORMAT_INDICATOR -> b.payloadFormatIndicator(byteValue(v, field));
            case MESSAGE_EXPIRY_INTERVAL -> b.messageExpiryInterval(FieldValues.integer(v, field));
            case CONTENT_TYPE -> b.contentType(v.asText());
            case RESPONSE_TOPIC -> b.responseTopic(v.asText());
            case CORRELATION_DATA -> b.correlationData(FieldValues.bytes(v));
            case SUBSCRIPTION_IDENTIFIER -> YamlValues.elements(v)
                    .forEach(n -> b.addSubscriptionIdentifier((int) FieldValues.integer(n, field)));
            case SESSION_EXPIRY_INTERVAL -> b.sessionExpiryInterval(FieldValues.integer(v, field));
            case ASSIGNED_CLIENT_IDENTIFIER -> b.assignedClientIdentifier(v.asText());
            case SERVER_KEEP_ALIVE -> b.serverKeepAlive(FieldValues.integer(v, field, 0, 65535));
            case AUTHENTICATION_METHOD -> b.authenticationMethod(v.asText());
            case AUTHENTICATION_DATA -> b.authenticationData(FieldValues.bytes(v));
            case REQUEST_PROBLEM_INFORMATION -> b.requestProblemInformation(byteValue(v, field));
            case WILL_DELAY_INTERVAL -> b.willDelayInterval(FieldValues.integer(v, field));
            case REQUEST_RESPONSE_INFORMATION -> b.requestResponseInformation(byteValue(v, field));
            case RESPONSE_INFORMATION -> b.responseInformation(v.asText());
            case SERVER_REFERENCE -> b.serverReference(v.asText());
            case REASON_STRING -> b.reasonString(v.asText());
            case RECEIVE_MAXIMUM -> b.receiveMaximum(FieldValues.integer(v, field, 0, 65535));
            case TOPIC_ALIAS_MAXIMUM -> b.topicAliasMaximum(FieldValues.integer(v, field, 0, 65535));
            case TOPIC_ALIAS -> b.topicAlias(FieldValues.integer(v, field, 0, 65535));
            case MAXIMUM_QOS -> b.maximumQos(byteValue(v, field));
            case RETAIN_AVAILABLE -> b.retainAvailable(byteValue(v, field));
            case USER_PROPERTY -> UserProperties.parse(v, field).forEach(p -> b.addUserProperty(p.name(), p.value()));
            case MAXIMUM_PACKET_SIZE -> b.maximumPacketSize(FieldValues.integer(v, field));
            case WILDCARD_SUBSCRIPTION_AVAILABLE -> b.wildcardSubscriptionAvailable(byteValue(v, field));
            case SUBSCRIPTION_IDENTIFIER_AVAILABLE -> b.subscriptionIdentifierAvailable(byteValue(v, field));
            case SHARED_SUBSCRIPTION_AVAILABLE -> b.sharedSubscriptionAvailable(byteValue(v, field));
            default -> throw new IllegalArgumentException("property " + id + " not supported in scenarios");
        }
    }

    private static int byteValue(JsonNode v, String field) {
        return FieldValues.integer(v, field, 0, 255);
    }
}
