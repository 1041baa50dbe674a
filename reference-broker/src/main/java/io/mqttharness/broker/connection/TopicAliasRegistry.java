package io.mqttharness.broker.connection;

/**
 * Inbound Topic Aliases of one network connection (MQTT 5.0 section 3.3.2.3.4): the client maps 1..our Topic
 * Alias Maximum to topic names. Mappings live only as long as the network connection (MQTT-3.3.2-7 in 5.0).
 * Aliases in the other direction, chosen by the broker, are {@link OutboundTopicAliases}.
 */
public final class TopicAliasRegistry {
    private final String[] topics;

    /** @param maximum our Topic Alias Maximum as sent in CONNACK; 0 disables aliases */
    public TopicAliasRegistry(int maximum) {
        topics = new String[Math.max(0, maximum) + 1];
    }

    /** Whether {@code alias} is in 1..maximum; anything else gets DISCONNECT 0x94 Topic Alias invalid. */
    public boolean isValid(int alias) {
        return alias > 0 && alias < topics.length;
    }

    /** Sets or replaces the topic of a valid alias. */
    public void put(int alias, String topic) {
        topics[alias] = topic;
    }

    /** The topic of a valid alias, or null when the client has not set it yet. */
    public String resolve(int alias) {
        return topics[alias];
    }
}
