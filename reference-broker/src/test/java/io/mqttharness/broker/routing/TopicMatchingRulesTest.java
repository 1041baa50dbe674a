package io.mqttharness.broker.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.codec.MqttQos;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per matching rule of section 4.7 (MQTT 3.1.1 and 5.0), run against {@link SubscriptionTree}.
 * Statement ids differ between the versions and are named as "(3.1.1)" / "(5.0)" where they do.
 */
class TopicMatchingRulesTest {

    /** True when a tree holding only this filter matches the topic. */
    private static boolean matches(String filter, String topic) {
        SubscriptionTree tree = new SubscriptionTree();
        tree.subscribe(Subscription.of("c", filter, MqttQos.AT_MOST_ONCE));
        List<Subscription> matched = tree.match(topic);
        assertThat(matched).hasSizeLessThanOrEqualTo(1);
        return !matched.isEmpty();
    }

    // Section 4.7.1.2 (non-normative example): "sport/tennis/player1/#" matches the parent and every child.
    @Test
    void multi_level_wildcard_matches_any_number_of_child_levels() {
        assertThat(matches("sport/tennis/player1/#", "sport/tennis/player1")).isTrue();
        assertThat(matches("sport/tennis/player1/#", "sport/tennis/player1/ranking")).isTrue();
        assertThat(matches("sport/tennis/player1/#", "sport/tennis/player1/score/wimbledon")).isTrue();
        assertThat(matches("sport/tennis/player1/#", "sport/tennis/player2")).isFalse();
        assertThat(matches("sport/tennis/player1/#", "sport/tennis")).isFalse();
    }

    // Section 4.7.1.2: "sport/#" also matches the singular "sport", since # includes the parent level.
    @Test
    void multi_level_wildcard_matches_the_parent_level() {
        assertThat(matches("sport/#", "sport")).isTrue();
        assertThat(matches("sport/#", "sport/")).isTrue();
        assertThat(matches("sport/#", "sports")).isFalse();
    }

    // Section 4.7.1.2: "#" on its own matches every topic (not beginning with $, see 4.7.2).
    @Test
    void lone_multi_level_wildcard_matches_every_topic() {
        assertThat(matches("#", "a")).isTrue();
        assertThat(matches("#", "a/b/c")).isTrue();
        assertThat(matches("#", "/")).isTrue();
        assertThat(matches("#", "/a")).isTrue();
    }

    // Section 4.7.1.3: "+" matches exactly one level.
    @Test
    void single_level_wildcard_matches_exactly_one_level() {
        assertThat(matches("sport/tennis/+", "sport/tennis/player1")).isTrue();
        assertThat(matches("sport/tennis/+", "sport/tennis/player2")).isTrue();
        assertThat(matches("sport/tennis/+", "sport/tennis/player1/ranking")).isFalse();
        assertThat(matches("sport/+", "sport")).isFalse();
        assertThat(matches("+", "finance")).isTrue();
        assertThat(matches("+", "finance/x")).isFalse();
    }

    // Section 4.7.1.3: "sport/+" matches "sport/" (an empty level); "+/+" and "/+" match "/finance".
    @Test
    void single_level_wildcard_matches_an_empty_level() {
        assertThat(matches("sport/+", "sport/")).isTrue();
        assertThat(matches("+/+", "/finance")).isTrue();
        assertThat(matches("/+", "/finance")).isTrue();
        assertThat(matches("+", "/finance")).isFalse();
        assertThat(matches("+/+", "/")).isTrue();
    }

    // Section 4.7.1.3: "+" combined with "#", e.g. "+/tennis/#".
    @Test
    void single_and_multi_level_wildcards_combine() {
        assertThat(matches("+/tennis/#", "sport/tennis/player1/ranking")).isTrue();
        assertThat(matches("+/tennis/#", "sport/tennis")).isTrue();
        assertThat(matches("+/tennis/#", "sport/golf")).isFalse();
        assertThat(matches("+/#", "a")).isTrue();
    }

    // Section 4.7.1.1 / 4.7.3: adjacent, leading and trailing separators make zero-length levels that are distinct.
    @Test
    void empty_levels_and_leading_or_trailing_separators_are_distinct_levels() {
        assertThat(matches("a//b", "a//b")).isTrue();
        assertThat(matches("a//b", "a/b")).isFalse();
        assertThat(matches("/finance", "/finance")).isTrue();
        assertThat(matches("/finance", "finance")).isFalse();
        assertThat(matches("finance/", "finance")).isFalse();
        assertThat(matches("finance", "finance/")).isFalse();
        assertThat(matches("/", "/")).isTrue();
        assertThat(matches("a/+/b", "a//b")).isTrue();
    }

    // MQTT-4.7.2-1 (both versions): filters starting with a wildcard must not match topics starting with $.
    @Test
    void dollar_topic_is_not_matched_by_filter_starting_with_wildcard_MQTT_4_7_2_1() {
        assertThat(matches("#", "$SYS/broker/clients")).isFalse();
        assertThat(matches("+/broker/clients", "$SYS/broker/clients")).isFalse();
        assertThat(matches("+", "$SYS")).isFalse();
        assertThat(matches("#", "$SYS")).isFalse();
        assertThat(matches("+/#", "$SYS/x")).isFalse();
    }

    // Section 4.7.2 (non-normative): "$SYS/#" and "$SYS/monitor/+" do match $SYS topics.
    @Test
    void dollar_topic_is_matched_by_filter_starting_with_the_dollar_level_MQTT_4_7_2_1() {
        assertThat(matches("$SYS/#", "$SYS/broker/clients")).isTrue();
        assertThat(matches("$SYS/#", "$SYS")).isTrue();
        assertThat(matches("$SYS/monitor/+", "$SYS/monitor/Clients")).isTrue();
        assertThat(matches("$SYS/broker/clients", "$SYS/broker/clients")).isTrue();
        assertThat(matches("$SYS/#", "$OTHER/x")).isFalse();
    }

    // MQTT-4.7.2-1 only restricts the first level: '$' inside a topic is an ordinary character.
    @Test
    void dollar_in_a_later_level_is_matched_by_wildcards() {
        assertThat(matches("a/+", "a/$b")).isTrue();
        assertThat(matches("#", "a/$b")).isTrue();
    }

    // MQTT-4.7.3-4: no normalisation; matching is case sensitive and exact per character (Unicode included).
    @Test
    void matching_is_case_sensitive_without_normalisation_MQTT_4_7_3_4() {
        assertThat(matches("ACCOUNTS", "accounts")).isFalse();
        assertThat(matches("Accounts payable", "Accounts payable")).isTrue();
        assertThat(matches("Accounts payable", "Accounts  payable")).isFalse();
        // U+00E9 versus e + U+0301 (canonically equivalent, but must not be normalised)
        assertThat(matches("caf\u00e9", "cafe\u0301")).isFalse();
        assertThat(matches("caf\u00e9", "caf\u00e9")).isTrue();
    }

    // MQTT-4.7.1-2 (3.1.1) / MQTT-4.7.1-1 (5.0): '#' on its own or after '/', and last.
    @Test
    void filter_with_misplaced_multi_level_wildcard_is_rejected_MQTT_4_7_1_2_v311_MQTT_4_7_1_1_v5() {
        for (String bad : List.of("sport/tennis#", "sport/tennis/#/ranking", "#/a", "a/##", "a#")) {
            assertThatThrownBy(() -> Subscription.of("c", bad, MqttQos.AT_MOST_ONCE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'#'")
                    .hasMessageContaining(bad);
        }
    }

    // MQTT-4.7.1-3 (3.1.1) / MQTT-4.7.1-2 (5.0): '+' must occupy an entire level.
    @Test
    void filter_with_partial_level_single_level_wildcard_is_rejected_MQTT_4_7_1_3_v311_MQTT_4_7_1_2_v5() {
        for (String bad : List.of("sport+", "sport/+tennis", "++", "a/b+/c")) {
            assertThatThrownBy(() -> Subscription.of("c", bad, MqttQos.AT_MOST_ONCE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'+'");
        }
    }

    // MQTT-4.7.3-1: topic names and filters are at least one character long.
    @Test
    void empty_filter_and_empty_topic_name_are_rejected_MQTT_4_7_3_1() {
        assertThatThrownBy(() -> Subscription.of("c", "", MqttQos.AT_MOST_ONCE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MQTT-4.7.3-1");
        assertThatThrownBy(() -> new SubscriptionTree().match(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MQTT-4.7.3-1");
    }

    // MQTT-4.7.3-2: no NUL character in topic names or filters.
    @Test
    void null_character_is_rejected_MQTT_4_7_3_2() {
        assertThatThrownBy(() -> Subscription.of("c", "a\u0000b", MqttQos.AT_MOST_ONCE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MQTT-4.7.3-2");
        assertThatThrownBy(() -> new SubscriptionTree().match("a\u0000b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MQTT-4.7.3-2");
    }

    // MQTT-4.7.1-1 (3.1.1) / MQTT-4.7.0-1 (5.0): wildcards must not be used within a topic name.
    @Test
    void topic_name_with_wildcard_is_rejected_MQTT_4_7_1_1_v311_MQTT_4_7_0_1_v5() {
        SubscriptionTree tree = new SubscriptionTree();
        tree.subscribe(Subscription.of("c", "#", MqttQos.AT_MOST_ONCE));
        assertThatThrownBy(() -> tree.match("a/+")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MQTT-4.7.0-1");
        assertThatThrownBy(() -> tree.match("a/#")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MQTT-4.7.1-1");
    }
}
