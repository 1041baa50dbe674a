package io.mqttharness.spec.capability;

import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.spec.client.BrokerUnreachableException;
import io.mqttharness.spec.client.ClientInbox;
import io.mqttharness.spec.client.MqttTarget;
import io.mqttharness.spec.client.ScenarioTrace;
import io.mqttharness.spec.client.ScriptedClient;
import io.mqttharness.spec.engine.RunIdentity;
import io.mqttharness.spec.engine.RunSettings;
import io.mqttharness.spec.packet.FieldValues;
import io.netty.channel.EventLoopGroup;
import java.util.HashMap;
import java.util.Map;

/**
 * Detects a broker's capabilities under one version from the CONNACK of a probe connection (MQTT 5 announces
 * Maximum QoS, Retain Available, Wildcard / Subscription Identifier / Shared Subscription Available, Topic Alias
 * Maximum, Receive Maximum and Maximum Packet Size there; absent means the spec default), then applies the
 * user's profile, which wins. MQTT 3.1.1 announces nothing: its mandatory features are assumed present.
 */
public final class CapabilityProbe {
    private static final String NO_CONNACK = "no CONNACK within ";
    private static final String WRONG_ANSWER = "the broker answered CONNECT with ";
    private final MqttTarget target;
    private final RunSettings settings;
    private final RunIdentity identity;
    private final EventLoopGroup group;

    public CapabilityProbe(MqttTarget target, RunSettings settings, RunIdentity identity, EventLoopGroup group) {
        this.target = target;
        this.settings = settings;
        this.identity = identity;
        this.group = group;
    }

    /**
     * Probes one version.
     *
     * @throws BrokerUnreachableException when no connection can be opened
     */
    public BrokerCapabilities probe(MqttVersion version, CapabilityProfile profile) throws InterruptedException {
        ScenarioTrace trace = new ScenarioTrace();
        MqttConnAck connack;
        String refusal = null;
        try (ScriptedClient client = new ScriptedClient("probe", version, false, trace, group)) {
            client.open(target, settings.connectTimeout());
            byte[] password = settings.password() == null ? null : FieldValues.bytes(settings.password());
            client.send(new MqttConnect(version, true, 30, identity.newClientId(), MqttProperties.EMPTY, null,
                    settings.username(), password));
            ClientInbox.Next next = client.inbox().next(System.nanoTime() + settings.expectTimeout().toNanos());
            connack = next.kind() == ClientInbox.Kind.PACKET && next.packet().packet() instanceof MqttConnAck a
                    ? a : null;
            if (connack == null) {
                refusal = switch (next.kind()) {
                    case CLOSED -> "the broker closed the connection without CONNACK";
                    case TIMEOUT -> NO_CONNACK + settings.expectTimeout().toMillis() + " ms";
                    default -> refusedWithOlderConnack(version, next.packet().hex())
                            ? "the broker refused MQTT " + version.displayName() + " with CONNACK return code 1 "
                                    + "(3.1.1's unacceptable protocol version): it does not support this version"
                            : WRONG_ANSWER + next.packet().summary();
                };
            } else if (connack.reasonCode().isError()) {
                refusal = "the broker refused the CONNECT with " + connack.reasonCode()
                        + (isAuthRefusal(connack) ? " (give valid credentials in the profile)" : "");
                connack = null;
            } else {
                client.send(MqttDisconnect.NORMAL);
            }
        }
        return capabilities(version, connack, refusal, profile, target.transport());
    }

    /**
     * Whether a probe {@code refusal} means the broker did not answer usably (no CONNACK in time, or something
     * that is not a CONNACK) rather than refused the version: the harness then cannot judge anything under that
     * version, which is an error, not a missing capability.
     */
    public static boolean unanswered(String refusal) {
        return refusal != null && (refusal.startsWith(NO_CONNACK) || refusal.startsWith(WRONG_ANSWER));
    }

    static BrokerCapabilities capabilities(MqttVersion version, MqttConnAck connack, String refusal,
            CapabilityProfile profile) {
        return capabilities(version, connack, refusal, profile, MqttTarget.Transport.TCP);
    }

    static BrokerCapabilities capabilities(MqttVersion version, MqttConnAck connack, String refusal,
            CapabilityProfile profile, MqttTarget.Transport transport) {
        Map<String, Boolean> flags = new HashMap<>();
        Map<String, String> sources = new HashMap<>();
        Map<String, Long> limits = new HashMap<>();
        MqttProperties p = connack == null ? MqttProperties.EMPTY : connack.properties();
        boolean v5 = version.isV5();
        String detected = v5 ? "connack" : "default";
        set(flags, sources, Capability.RETAIN, flag(p.retainAvailable()), detected);
        set(flags, sources, Capability.WILDCARD, flag(p.wildcardSubscriptionAvailable()), detected);
        set(flags, sources, Capability.SHARED_SUBSCRIPTIONS, v5 && flag(p.sharedSubscriptionAvailable()), detected);
        set(flags, sources, Capability.SUBSCRIPTION_IDENTIFIERS, v5 && flag(p.subscriptionIdentifierAvailable()),
                detected);
        set(flags, sources, Capability.TOPIC_ALIAS, p.topicAliasMaximum() != null && p.topicAliasMaximum() > 0,
                detected);
        int maxQos = p.maximumQos() == null ? 2 : p.maximumQos();
        set(flags, sources, Capability.QOS1, maxQos >= 1, detected);
        set(flags, sources, Capability.QOS2, maxQos >= 2, detected);
        set(flags, sources, Capability.SYS_TOPICS, false, "default");
        set(flags, sources, Capability.QUEUE_QOS0_OFFLINE, false, "default");
        set(flags, sources, Capability.CREDENTIALS, false, "default");
        // the engine runs SCRAM-SHA-256 itself; other methods cannot be scripted
        set(flags, sources, Capability.ENHANCED_AUTH, profile.enhancedAuth() != null
                && EnhancedAuthProfile.SCRAM_SHA_256.equals(profile.enhancedAuth().method()), "profile");
        set(flags, sources, Capability.ACL, profile.deniedTopic() != null, "profile");
        set(flags, sources, Capability.WEBSOCKET, transport.webSocket(), "target");
        profile.capabilities().forEach((name, value) -> set(flags, sources, name, value, "profile"));
        limit(limits, "receive_maximum", p.receiveMaximum());
        limit(limits, "maximum_packet_size", p.maximumPacketSize());
        limit(limits, "topic_alias_maximum", p.topicAliasMaximum());
        limit(limits, "maximum_qos", p.maximumQos());
        limit(limits, "server_keep_alive", p.serverKeepAlive());
        return new BrokerCapabilities(version, connack != null, refusal, flags, sources, limits);
    }

    /**
     * A broker without MQTT 5 answers a level-5 CONNECT with 3.1.1's return code 1 (unacceptable protocol version),
     * which is not an MQTT 5 reason code: as a 3.1.1 CONNACK ({@code 20 02 00 01}) or in MQTT 5 shape with an empty
     * property list ({@code 20 03 00 01 00}, Moquette 0.17). Either is undecodable as an MQTT 5 CONNACK.
     */
    static boolean refusedWithOlderConnack(MqttVersion version, String hex) {
        if (!version.isV5() || hex == null) {
            return false;
        }
        String bytes = hex.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        return bytes.equals("20020001") || bytes.equals("2003000100");
    }

    private static boolean isAuthRefusal(MqttConnAck a) {
        return switch (a.reasonCode()) {
            case BAD_USER_NAME_OR_PASSWORD, NOT_AUTHORIZED, BAD_AUTHENTICATION_METHOD -> true;
            default -> false;
        };
    }

    private static boolean flag(Integer value) {
        return value == null || value != 0;
    }

    private static void set(Map<String, Boolean> flags, Map<String, String> sources, String name, boolean value,
            String source) {
        flags.put(name, value);
        sources.put(name, source);
    }

    private static void limit(Map<String, Long> limits, String name, Number value) {
        if (value != null) {
            limits.put(name, value.longValue());
        }
    }
}
