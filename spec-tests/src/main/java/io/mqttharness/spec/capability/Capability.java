package io.mqttharness.spec.capability;

import java.util.Set;

/** Names of the optional broker capabilities scenarios can require ({@code requires:}). */
public final class Capability {
    /** Retained messages (MQTT 5 CONNACK Retain Available). */
    public static final String RETAIN = "retain";
    /** Wildcard subscriptions (MQTT 5 CONNACK Wildcard Subscription Available). */
    public static final String WILDCARD = "wildcard";
    /** Shared subscriptions (MQTT 5 CONNACK Shared Subscription Available; never in 3.1.1 unless profiled). */
    public static final String SHARED_SUBSCRIPTIONS = "shared-subscriptions";
    /** Subscription identifiers (MQTT 5 CONNACK Subscription Identifier Available). */
    public static final String SUBSCRIPTION_IDENTIFIERS = "subscription-identifiers";
    /** Topic aliases from client to server (MQTT 5 CONNACK Topic Alias Maximum above 0). */
    public static final String TOPIC_ALIAS = "topic-alias";
    /** PUBLISH at QoS 1 accepted (MQTT 5 CONNACK Maximum QoS at least 1). */
    public static final String QOS1 = "qos1";
    /** PUBLISH at QoS 2 accepted (MQTT 5 CONNACK Maximum QoS absent, i.e. 2). */
    public static final String QOS2 = "qos2";
    /** The broker publishes {@code $SYS/...} topics (profile only). */
    public static final String SYS_TOPICS = "sys-topics";
    /** QoS 0 messages are queued for offline persistent sessions (a MAY; profile only). */
    public static final String QUEUE_QOS0_OFFLINE = "queue-qos0-offline";
    /** The broker checks user name and password, and the profile gives valid ones (profile only). */
    public static final String CREDENTIALS = "credentials";

    /**
     * The broker supports SCRAM-SHA-256 enhanced authentication and the profile gives credentials for it
     * ({@code enhanced_auth}; profile only).
     */
    public static final String ENHANCED_AUTH = "enhanced-auth";
    /** The profile names a topic its user may not publish to ({@code denied_topic}; profile only). */
    public static final String ACL = "acl";
    /** The target is a {@code ws://} or {@code wss://} WebSocket endpoint (from the target). */
    public static final String WEBSOCKET = "websocket";

    /** Every known capability. */
    public static final Set<String> ALL = Set.of(RETAIN, WILDCARD, SHARED_SUBSCRIPTIONS, SUBSCRIPTION_IDENTIFIERS,
            TOPIC_ALIAS, QOS1, QOS2, SYS_TOPICS, QUEUE_QOS0_OFFLINE, CREDENTIALS, ENHANCED_AUTH, ACL, WEBSOCKET);

    /** Prefix of a requirement that the broker lacks a capability: {@code requires: ["!qos2"]}. */
    public static final String NOT = "!";

    private Capability() {
    }

    /** The capability a requirement names: {@code qos2} for both {@code qos2} and {@code !qos2}. */
    public static String nameOf(String requirement) {
        return requirement.startsWith(NOT) ? requirement.substring(NOT.length()).trim() : requirement;
    }

    /** Whether a requirement asks for the broker to lack the capability ({@code !qos2}). */
    public static boolean negated(String requirement) {
        return requirement.startsWith(NOT);
    }
}
