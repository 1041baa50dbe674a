package io.mqttharness.spec.packet;

import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttPropertyId;
import io.mqttharness.codec.MqttUserProperty;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttAuth;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.packet.MqttSubAck;
import io.mqttharness.codec.packet.MqttSubscribe;
import io.mqttharness.codec.packet.MqttSubscription;
import io.mqttharness.codec.packet.MqttUnsubAck;
import io.mqttharness.codec.packet.MqttUnsubscribe;
import io.mqttharness.codec.packet.MqttWill;
import io.mqttharness.codec.reason.MqttReasonCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A packet as a map of the field names scenarios use ({@link PacketFieldNames}), for matching and for traces.
 * Values are Boolean, Long, String, {@link Bytes}, {@link ReasonValue}, lists and maps; absent properties are
 * left out.
 */
public final class PacketView {
    private PacketView() {
    }

    public static Map<String, Object> of(MqttPacket packet, MqttVersion version) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (packet instanceof MqttConnAck a) {
            m.put("session_present", a.sessionPresent());
            int wire = version != null && !version.isV5() ? a.reasonCode().toV3ReturnCode() : a.reasonCode().code();
            m.put("reason_code", new ReasonValue(wire, a.reasonCode().name()));
            putProps(m, a.properties());
        } else if (packet instanceof MqttPublish p) {
            m.put("dup", p.dup());
            m.put("qos", (long) p.qos().code());
            m.put("retain", p.retain());
            m.put("topic", p.topic());
            if (p.qos().code() > 0) {
                m.put("packet_id", (long) p.packetId());
            }
            m.put("payload", new Bytes(p.payload()));
            putProps(m, p.properties());
        } else if (packet instanceof MqttPubAck a) {
            ack(m, a.packetId(), a.reasonCode(), a.properties());
        } else if (packet instanceof MqttPubRec a) {
            ack(m, a.packetId(), a.reasonCode(), a.properties());
        } else if (packet instanceof MqttPubRel a) {
            ack(m, a.packetId(), a.reasonCode(), a.properties());
        } else if (packet instanceof MqttPubComp a) {
            ack(m, a.packetId(), a.reasonCode(), a.properties());
        } else if (packet instanceof MqttSubAck a) {
            m.put("packet_id", (long) a.packetId());
            m.put("reason_codes", reasons(a.reasonCodes()));
            putProps(m, a.properties());
        } else if (packet instanceof MqttUnsubAck a) {
            m.put("packet_id", (long) a.packetId());
            m.put("reason_codes", reasons(a.reasonCodes()));
            putProps(m, a.properties());
        } else if (packet instanceof MqttDisconnect d) {
            m.put("reason_code", reason(d.reasonCode()));
            putProps(m, d.properties());
        } else if (packet instanceof MqttAuth a) {
            m.put("reason_code", reason(a.reasonCode()));
            putProps(m, a.properties());
        } else if (packet instanceof MqttSubscribe s) {
            m.put("packet_id", (long) s.packetId());
            List<Object> subs = new ArrayList<>();
            for (MqttSubscription sub : s.subscriptions()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("filter", sub.topicFilter());
                sm.put("qos", (long) sub.qos().code());
                if (version != null && version.isV5()) {
                    sm.put("no_local", sub.noLocal());
                    sm.put("retain_as_published", sub.retainAsPublished());
                    sm.put("retain_handling", (long) sub.retainHandling());
                }
                subs.add(sm);
            }
            m.put("subscriptions", subs);
            putProps(m, s.properties());
        } else if (packet instanceof MqttUnsubscribe u) {
            m.put("packet_id", (long) u.packetId());
            m.put("filters", new ArrayList<Object>(u.topicFilters()));
            putProps(m, u.properties());
        } else if (packet instanceof MqttConnect c) {
            connect(m, c);
        }
        return m;
    }

    private static void connect(Map<String, Object> m, MqttConnect c) {
        m.put("version", c.version().displayName());
        m.put("clean_start", c.cleanStart());
        m.put("keep_alive", (long) c.keepAliveSeconds());
        m.put("client_id", c.clientId());
        if (c.username() != null) {
            m.put("username", c.username());
        }
        if (c.password() != null) {
            m.put("password", "<" + c.password().length + " bytes>");
        }
        MqttWill w = c.will();
        if (w != null) {
            Map<String, Object> wm = new LinkedHashMap<>();
            wm.put("topic", w.topic());
            wm.put("payload", new Bytes(w.payload()));
            wm.put("qos", (long) w.qos().code());
            wm.put("retain", w.retain());
            putProps(wm, w.properties());
            m.put("will", wm);
        }
        putProps(m, c.properties());
    }

    private static void ack(Map<String, Object> m, int packetId, MqttReasonCode reason, MqttProperties props) {
        m.put("packet_id", (long) packetId);
        m.put("reason_code", reason(reason));
        putProps(m, props);
    }

    private static ReasonValue reason(MqttReasonCode reason) {
        return new ReasonValue(reason.code(), ((Enum<?>) reason).name());
    }

    private static List<Object> reasons(List<? extends MqttReasonCode> codes) {
        List<Object> out = new ArrayList<>();
        codes.forEach(c -> out.add(reason(c)));
        return out;
    }

    private static void putProps(Map<String, Object> m, MqttProperties p) {
        if (p.isEmpty()) {
            m.put("properties", Map.of());
            return;
        }
        m.put("properties", properties(p));
    }

    /** The present properties by scenario name. */
    public static Map<String, Object> properties(MqttProperties p) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, MqttPropertyId.PAYLOAD_FORMAT_INDICATOR, p.payloadFormatIndicator());
        put(m, MqttPropertyId.MESSAGE_EXPIRY_INTERVAL, p.messageExpiryInterval());
        put(m, MqttPropertyId.CONTENT_TYPE, p.contentType());
        put(m, MqttPropertyId.RESPONSE_TOPIC, p.responseTopic());
        put(m, MqttPropertyId.CORRELATION_DATA, p.correlationData() == null ? null : new Bytes(p.correlationData()));
        if (!p.subscriptionIdentifiers().isEmpty()) {
            List<Object> ids = new ArrayList<>();
            p.subscriptionIdentifiers().forEach(i -> ids.add((long) i));
            m.put(PacketFieldNames.propertyName(MqttPropertyId.SUBSCRIPTION_IDENTIFIER), ids);
        }
        put(m, MqttPropertyId.SESSION_EXPIRY_INTERVAL, p.sessionExpiryInterval());
        put(m, MqttPropertyId.ASSIGNED_CLIENT_IDENTIFIER, p.assignedClientIdentifier());
        put(m, MqttPropertyId.SERVER_KEEP_ALIVE, p.serverKeepAlive());
        put(m, MqttPropertyId.AUTHENTICATION_METHOD, p.authenticationMethod());
        put(m, MqttPropertyId.AUTHENTICATION_DATA, p.authenticationData() == null ? null : new Bytes(p.authenticationData()));
        put(m, MqttPropertyId.REQUEST_PROBLEM_INFORMATION, p.requestProblemInformation());
        put(m, MqttPropertyId.WILL_DELAY_INTERVAL, p.willDelayInterval());
        put(m, MqttPropertyId.REQUEST_RESPONSE_INFORMATION, p.requestResponseInformation());
        put(m, MqttPropertyId.RESPONSE_INFORMATION, p.responseInformation());
        put(m, MqttPropertyId.SERVER_REFERENCE, p.serverReference());
        put(m, MqttPropertyId.REASON_STRING, p.reasonString());
        put(m, MqttPropertyId.RECEIVE_MAXIMUM, p.receiveMaximum());
        put(m, MqttPropertyId.TOPIC_ALIAS_MAXIMUM, p.topicAliasMaximum());
        put(m, MqttPropertyId.TOPIC_ALIAS, p.topicAlias());
        put(m, MqttPropertyId.MAXIMUM_QOS, p.maximumQos());
        put(m, MqttPropertyId.RETAIN_AVAILABLE, p.retainAvailable());
        if (!p.userProperties().isEmpty()) {
            List<Object> ups = new ArrayList<>();
            for (MqttUserProperty up : p.userProperties()) {
                ups.add(List.of(up.name(), up.value()));
            }
            m.put(PacketFieldNames.propertyName(MqttPropertyId.USER_PROPERTY), ups);
        }
        put(m, MqttPropertyId.MAXIMUM_PACKET_SIZE, p.maximumPacketSize());
        put(m, MqttPropertyId.WILDCARD_SUBSCRIPTION_AVAILABLE, p.wildcardSubscriptionAvailable());
        put(m, MqttPropertyId.SUBSCRIPTION_IDENTIFIER_AVAILABLE, p.subscriptionIdentifierAvailable());
        put(m, MqttPropertyId.SHARED_SUBSCRIPTION_AVAILABLE, p.sharedSubscriptionAvailable());
        return m;
    }

    private static void put(Map<String, Object> m, MqttPropertyId id, Object value) {
        if (value != null) {
            m.put(PacketFieldNames.propertyName(id), value instanceof Integer i ? (Object) (long) i : value);
        }
    }
}
