package io.mqttharness.spec.packet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttAuth;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttPingReq;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.packet.MqttSubscribe;
import io.mqttharness.codec.packet.MqttSubscription;
import io.mqttharness.codec.packet.MqttUnsubscribe;
import io.mqttharness.codec.packet.MqttWill;
import io.mqttharness.codec.reason.MqttAuthReasonCode;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.mqttharness.codec.reason.MqttPubAckReasonCode;
import io.mqttharness.codec.reason.MqttPubCompReasonCode;
import io.mqttharness.codec.reason.MqttPubRecReasonCode;
import io.mqttharness.codec.reason.MqttPubRelReasonCode;
import io.mqttharness.spec.scenario.YamlValues;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Builds a packet a client sends from scenario fields whose placeholders are already resolved. Omitted fields get
 * the neutral default (QoS 0, no flags, empty payload); omitted packet identifiers come from {@code packetIds}.
 */
public final class PacketBuilder {
    private final MqttVersion version;
    private final IntSupplier packetIds;

    public PacketBuilder(MqttVersion version, IntSupplier packetIds) {
        this.version = version;
        this.packetIds = packetIds;
    }

    /** Builds a packet of a type that a client sends; CONNECT is built by {@link #connect(JsonNode, String)}. */
    public MqttPacket build(MqttPacketType type, JsonNode f) {
        switch (type) {
            case PUBLISH: return publish(f);
            case PUBACK: return new MqttPubAck(packetId(f), reason(MqttPubAckReasonCode.class, f, MqttPubAckReasonCode.SUCCESS), props(f));
            case PUBREC: return new MqttPubRec(packetId(f), reason(MqttPubRecReasonCode.class, f, MqttPubRecReasonCode.SUCCESS), props(f));
            case PUBREL: return new MqttPubRel(packetId(f), reason(MqttPubRelReasonCode.class, f, MqttPubRelReasonCode.SUCCESS), props(f));
            case PUBCOMP: return new MqttPubComp(packetId(f), reason(MqttPubCompReasonCode.class, f, MqttPubCompReasonCode.SUCCESS), props(f));
            case SUBSCRIBE: return new MqttSubscribe(packetIdOrNext(f), subscriptions(f.get("subscriptions")), props(f));
            case UNSUBSCRIBE: return new MqttUnsubscribe(packetIdOrNext(f), filters(f.get("filters")), props(f));
            case PINGREQ: return MqttPingReq.INSTANCE;
            case DISCONNECT: return new MqttDisconnect(reason(MqttDisconnectReasonCode.class, f,
                    MqttDisconnectReasonCode.NORMAL_DISCONNECTION), props(f));
            case AUTH: return new MqttAuth(reason(MqttAuthReasonCode.class, f, MqttAuthReasonCode.SUCCESS), props(f));
            case CONNECT: return connect(f, "");
            default:
                throw new IllegalArgumentException(type + " is sent by servers only; to send one anyway use 'raw'");
        }
    }

    /** A CONNECT for this builder's version; {@code defaultClientId} is used when {@code client_id} is absent. */
    public MqttConnect connect(JsonNode f, String defaultClientId) {
        boolean cleanStart = f.has("clean_start") ? FieldValues.bool(f.get("clean_start"), "clean_start")
                : !f.has("clean_session") || FieldValues.bool(f.get("clean_session"), "clean_session");
        int keepAlive = f.has("keep_alive") ? FieldValues.integer(f.get("keep_alive"), "keep_alive", 0, 65535) : 60;
        String clientId = f.has("client_id") ? f.get("client_id").asText() : defaultClientId;
        String username = f.hasNonNull("username") ? f.get("username").asText() : null;
        byte[] password = f.hasNonNull("password") ? FieldValues.bytes(f.get("password")) : null;
        return new MqttConnect(version, cleanStart, keepAlive, clientId, props(f), will(f.get("will")), username,
                password);
    }

    private MqttWill will(JsonNode w) {
        if (w == null || w.isNull()) {
            return null;
        }
        if (!w.has("topic")) {
            throw new IllegalArgumentException("will: 'topic' is required");
        }
        return new MqttWill(w.get("topic").asText(), payload(w), qos(w), bool(w, "retain"), props(w));
    }

    private MqttPublish publish(JsonNode f) {
        if (!f.has("topic")) {
            throw new IllegalArgumentException("PUBLISH: 'topic' is required (may be \"\" with a topic_alias)");
        }
        MqttQos qos = qos(f);
        int packetId = qos == MqttQos.AT_MOST_ONCE ? (f.has("packet_id") ? packetId(f) : 0) : packetIdOrNext(f);
        return new MqttPublish(bool(f, "dup"), qos, bool(f, "retain"), f.get("topic").asText(), packetId, props(f),
                payload(f));
    }

    private static List<MqttSubscription> subscriptions(JsonNode node) {
        List<MqttSubscription> out = new ArrayList<>();
        for (JsonNode s : YamlValues.elements(node)) {
            if (s.isTextual()) {
                out.add(new MqttSubscription(s.asText(), MqttQos.AT_MOST_ONCE));
                continue;
            }
            if (!s.has("filter")) {
                throw new IllegalArgumentException("subscriptions: each needs a 'filter'");
            }
            int retainHandling = s.has("retain_handling")
                    ? FieldValues.integer(s.get("retain_handling"), "retain_handling", 0, 3) : 0;
            out.add(new MqttSubscription(s.get("filter").asText(), qos(s), bool(s, "no_local"),
                    bool(s, "retain_as_published"), retainHandling));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("SUBSCRIBE: 'subscriptions' must list at least one filter (for an "
                    + "empty SUBSCRIBE use 'raw')");
        }
        return out;
    }

    private static List<String> filters(JsonNode node) {
        List<String> out = new ArrayList<>();
        YamlValues.elements(node).forEach(n -> out.add(n.asText()));
        if (out.isEmpty()) {
            throw new IllegalArgumentException("UNSUBSCRIBE: 'filters' must list at least one filter (or use 'raw')");
        }
        return out;
    }

    private int packetIdOrNext(JsonNode f) {
        return f.has("packet_id") ? packetId(f) : packetIds.getAsInt();
    }

    private static int packetId(JsonNode f) {
        if (!f.has("packet_id")) {
            throw new IllegalArgumentException("'packet_id' is required");
        }
        return FieldValues.integer(f.get("packet_id"), "packet_id", 0, 65535);
    }

    private static MqttQos qos(JsonNode f) {
        if (!f.has("qos")) {
            return MqttQos.AT_MOST_ONCE;
        }
        int code = FieldValues.integer(f.get("qos"), "qos", 0, 2);
        return MqttQos.fromCode(code);
    }

    private static boolean bool(JsonNode f, String name) {
        return f.has(name) && FieldValues.bool(f.get(name), name);
    }

    private static byte[] payload(JsonNode f) {
        return f.has("payload") ? FieldValues.bytes(f.get("payload")) : new byte[0];
    }

    private static io.mqttharness.codec.MqttProperties props(JsonNode f) {
        return PropertiesBuilder.build(f.get("properties"));
    }

    private static <E extends Enum<E> & io.mqttharness.codec.reason.MqttReasonCode> E reason(Class<E> type,
            JsonNode f, E fallback) {
        JsonNode n = f.has("reason_code") ? f.get("reason_code") : MissingNode.getInstance();
        return n.isMissingNode() ? fallback : ReasonCodes.parse(type, n, "reason_code");
    }
}
