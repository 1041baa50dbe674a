package io.mqttharness.broker.connection;

import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.packet.MqttPublish;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * Outbound Topic Aliases of one network connection (MQTT 5.0 section 3.3.2.3.4): the broker maps topic names to
 * aliases 1..the client's Topic Alias Maximum from its CONNECT. The first PUBLISH on a topic carries the topic and
 * a new alias, later ones an empty topic and the alias; once every alias is taken, the least recently used mapping
 * is replaced (topic and reused alias again). No alias exceeds the client's maximum and none is sent when it is 0
 * or absent (MQTT-3.1.2-26, MQTT-3.1.2-27, MQTT-3.3.2-11 in 5.0).
 *
 * <p>Mappings live only as long as the network connection, so they are applied when a PUBLISH is written (never
 * stored in the session or the journal): a resumed session starts with an empty map. {@link #apply} only computes
 * the aliased packet; the mapping changes in {@link #sent} once that packet really goes out, so a PUBLISH dropped
 * for the client's Maximum Packet Size cannot leave the client without a mapping we believe it has. Touched only
 * on the connection's event loop.
 */
public final class OutboundTopicAliases {
    private final int maximum;
    private final Map<String, Integer> aliasOf = new HashMap<>();
    private final Map<Integer, String> topicOf = new HashMap<>();
    /** Topics with an alias, least recently used first. */
    private final LinkedHashSet<String> recency = new LinkedHashSet<>();
    private int nextFree = 1;

    /** @param maximum the client's Topic Alias Maximum (0 or less: never send aliases) */
    public OutboundTopicAliases(int maximum) {
        this.maximum = Math.max(0, maximum);
    }

    /** A connection that never sends aliases (MQTT 3.1.1, or the client's maximum is 0). */
    public static OutboundTopicAliases disabled() {
        return new OutboundTopicAliases(0);
    }

    public int maximum() {
        return maximum;
    }

    /**
     * The PUBLISH as it should be sent: with an empty topic and the alias when the topic is mapped, with topic and
     * a new (or the least recently used) alias otherwise, or unchanged without aliases. Does not change the map.
     */
    public MqttPublish apply(MqttPublish publish) {
        if (maximum == 0 || publish.topic().isEmpty()) {
            return withoutAlias(publish);
        }
        Integer mapped = aliasOf.get(publish.topic());
        if (mapped != null) {
            return withAlias(publish, "", mapped);
        }
        int alias = nextFree <= maximum ? nextFree : aliasOf.get(recency.iterator().next());
        return withAlias(publish, publish.topic(), alias);
    }

    /** The PUBLISH with its full topic and no Topic Alias, as sent when the aliased form cannot be. */
    public static MqttPublish withoutAlias(MqttPublish publish) {
        if (publish.properties().topicAlias() == null) {
            return publish;
        }
        return publish.withRouting(publish.topic(), publish.retain(),
                publish.properties().toBuilder().topicAlias(null).build());
    }

    /** Records the mapping a packet made by {@link #apply} establishes or uses, now that it has been written. */
    public void sent(MqttPublish publish) {
        Integer alias = publish.properties().topicAlias();
        if (alias == null || maximum == 0) {
            return;
        }
        String topic = publish.topic();
        if (topic.isEmpty()) {
            topic = topicOf.get(alias);
        } else {
            String previous = topicOf.put(alias, topic);
            if (previous != null && !previous.equals(topic)) {
                aliasOf.remove(previous);
                recency.remove(previous);
            }
            aliasOf.put(topic, alias);
            if (alias == nextFree) {
                nextFree++;
            }
        }
        if (topic != null) {
            recency.remove(topic);
            recency.add(topic);
        }
    }

    private static MqttPublish withAlias(MqttPublish publish, String topic, int alias) {
        MqttProperties props = publish.properties().toBuilder().topicAlias(alias).build();
        return publish.withRouting(topic, publish.retain(), props);
    }
}
