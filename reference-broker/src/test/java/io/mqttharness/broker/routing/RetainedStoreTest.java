package io.mqttharness.broker.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.packet.MqttPublish;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetainedStoreTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 5_000 * SECOND;

    private final RetainedStore store = new RetainedStore();

    private static MqttPublish publish(String topic, String payload) {
        return new MqttPublish(false, MqttQos.AT_LEAST_ONCE, true, topic, 1, MqttProperties.EMPTY,
                payload.getBytes(StandardCharsets.UTF_8));
    }

    private static MqttPublish expiring(String topic, long expirySeconds) {
        MqttProperties properties = MqttProperties.builder().messageExpiryInterval(expirySeconds).build();
        return new MqttPublish(false, MqttQos.AT_MOST_ONCE, true, topic, 0, properties, new byte[] {1});
    }

    private List<String> topicsMatching(String filter) {
        return store.match(filter, T0).stream().map(RetainedMessage::topic).toList();
    }

    @Test
    void stored_message_is_returned_for_an_exact_filter_MQTT_3_3_1_5() {
        MqttPublish p = publish("a/b", "v1");
        store.put(p, T0);

        assertThat(store.match("a/b", T0)).singleElement().satisfies(m -> {
            assertThat(m.publish()).isEqualTo(p);
            assertThat(m.storedAtNanos()).isEqualTo(T0);
        });
        assertThat(store.match("a", T0)).isEmpty();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void new_retained_message_replaces_the_previous_one_of_the_topic_MQTT_3_3_1_5() {
        store.put(publish("a/b", "v1"), T0);
        store.put(publish("a/b", "v2"), T0 + SECOND);

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.match("a/#", T0 + SECOND)).singleElement()
                .satisfies(m -> assertThat(new String(m.publish().payload(), StandardCharsets.UTF_8)).isEqualTo("v2"));
    }

    // 3.1.1: MQTT-3.3.1-10 (remove) and MQTT-3.3.1-11 (not stored); 5.0: MQTT-3.3.1-6 and MQTT-3.3.1-7.
    @Test
    void empty_payload_clears_the_topic_and_is_not_stored_MQTT_3_3_1_6_and_7_v5_MQTT_3_3_1_10_and_11_v311() {
        store.put(publish("a/b", "v1"), T0);
        store.put(publish("a/c", "keep"), T0);

        store.put(publish("a/b", ""), T0);
        store.put(publish("never/stored", ""), T0);

        assertThat(topicsMatching("#")).containsExactly("a/c");
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.all()).extracting(RetainedMessage::topic).containsExactly("a/c");
    }

    @Test
    void clearing_prunes_the_topic_branch() {
        store.put(publish("x/y/z", "v"), T0);
        assertThat(store.nodeCount()).isEqualTo(4);

        store.put(publish("x/y/z", ""), T0);

        assertThat(store.nodeCount()).isEqualTo(1);
        assertThat(store.remove("x/y/z")).isNull();
    }

    @Test
    void wildcard_filters_follow_the_section_4_7_rules() {
        for (String topic : List.of("sport", "sport/tennis", "sport/tennis/player1", "/finance", "finance", "a//b", "sport/")) {
            store.put(publish(topic, "v"), T0);
        }

        assertThat(topicsMatching("sport/#")).containsExactlyInAnyOrder("sport", "sport/tennis", "sport/tennis/player1", "sport/");
        assertThat(topicsMatching("sport/+")).containsExactlyInAnyOrder("sport/tennis", "sport/");
        assertThat(topicsMatching("+/+")).containsExactlyInAnyOrder("/finance", "sport/tennis", "sport/");
        assertThat(topicsMatching("+")).containsExactlyInAnyOrder("sport", "finance");
        assertThat(topicsMatching("a/+/b")).containsExactly("a//b");
        assertThat(topicsMatching("#")).hasSize(7);
        assertThat(topicsMatching("Sport/#")).isEmpty();
    }

    @Test
    void dollar_topics_are_only_matched_by_filters_starting_with_the_dollar_level_MQTT_4_7_2_1() {
        store.put(publish("$SYS/broker/uptime", "1"), T0);
        store.put(publish("normal/x", "2"), T0);

        assertThat(topicsMatching("#")).containsExactly("normal/x");
        assertThat(topicsMatching("+/broker/uptime")).isEmpty();
        assertThat(topicsMatching("+/#")).containsExactly("normal/x");
        assertThat(topicsMatching("$SYS/#")).containsExactly("$SYS/broker/uptime");
        assertThat(topicsMatching("$SYS/+/uptime")).containsExactly("$SYS/broker/uptime");
    }

    @Test
    void expired_messages_are_not_returned_and_are_removed_MQTT_3_3_2_5() {
        store.put(expiring("e/short", 2), T0);
        store.put(expiring("e/long", 100), T0);
        store.put(publish("e/forever", "v"), T0);

        assertThat(store.match("e/#", T0 + SECOND)).hasSize(3);
        List<RetainedMessage> later = store.match("e/#", T0 + 2 * SECOND);

        assertThat(later).extracting(RetainedMessage::topic).containsExactlyInAnyOrder("e/long", "e/forever");
        assertThat(store.size()).isEqualTo(2);
        assertThat(store.match("e/short", T0 + 2 * SECOND)).isEmpty();
    }

    @Test
    void expired_message_is_removed_on_exact_match_too() {
        store.put(expiring("e", 1), T0);

        assertThat(store.match("e", T0 + SECOND)).isEmpty();
        assertThat(store.size()).isZero();
        assertThat(store.nodeCount()).isEqualTo(1);
    }

    @Test
    void purgeExpired_removes_only_expired_messages() {
        store.put(expiring("a", 1), T0);
        store.put(expiring("b", 10), T0);
        store.put(publish("c", "v"), T0);

        assertThat(store.purgeExpired(T0 + 5 * SECOND)).isEqualTo(1);
        assertThat(store.all()).extracting(RetainedMessage::topic).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void a_replacement_stored_after_expiry_is_not_removed_with_the_expired_one() {
        store.put(expiring("a", 1), T0);
        store.put(expiring("a", 60), T0 + 2 * SECOND);

        assertThat(store.match("a", T0 + 3 * SECOND)).hasSize(1);
        assertThat(store.purgeExpired(T0 + 3 * SECOND)).isZero();
    }

    @Test
    void invalid_topics_and_filters_are_rejected_with_a_clear_message() {
        assertThatThrownBy(() -> store.put(publish("a/+", "v"), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wildcard");
        assertThatThrownBy(() -> store.put(publish("", "v"), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Topic Alias");
        assertThatThrownBy(() -> store.match("a/#/b", T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'#'");
    }
}
