package io.mqttharness.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MqttTopicsTest {

    private static void assertFilterRejected(String filter, MqttVersion version, String statementId) {
        assertThatThrownBy(() -> MqttTopics.validateTopicFilter(filter, version))
                .isInstanceOfSatisfying(MqttDecodeException.class, e -> {
                    assertThat(e.reasonCode()).isEqualTo(MqttDisconnectReasonCode.MALFORMED_PACKET);
                    assertThat(e.statementId()).isEqualTo(statementId);
                });
    }

    private static void assertNameRejected(String name, MqttVersion version, String statementId) {
        assertThatThrownBy(() -> MqttTopics.validateTopicName(name, version))
                .isInstanceOfSatisfying(MqttDecodeException.class, e -> {
                    assertThat(e.reasonCode()).isEqualTo(MqttDisconnectReasonCode.TOPIC_NAME_INVALID);
                    assertThat(e.statementId()).isEqualTo(statementId);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "/", "a/b/c", "/a", "a/", "$SYS/x", "sport/tennis/player1", " ", "a//b"})
    void accepts_valid_topic_names(String name) {
        MqttTopics.validateTopicName(name);
        assertThat(MqttTopics.isValidTopicName(name)).isTrue();
    }

    @Test
    void topic_name_rejects_wildcards_with_version_specific_statement() {
        assertNameRejected("a/+", MqttVersion.MQTT_5, "MQTT-4.7.0-1");
        assertNameRejected("a/#", MqttVersion.MQTT_3_1_1, "MQTT-4.7.1-1");
        assertNameRejected("a+b", MqttVersion.MQTT_5, "MQTT-4.7.0-1");
    }

    @Test
    void topic_name_rejects_empty_and_nul() {
        assertNameRejected("", MqttVersion.MQTT_5, "MQTT-4.7.3-1");
        assertNameRejected("a\u0000b", MqttVersion.MQTT_5, "MQTT-4.7.3-2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"#", "+", "a/#", "+/+", "/+", "+/", "sport/+/player1", "a/+/#", "$SYS/#", "//", "a//#"})
    void accepts_valid_topic_filters(String filter) {
        MqttTopics.validateTopicFilter(filter, MqttVersion.MQTT_5);
        MqttTopics.validateTopicFilter(filter, MqttVersion.MQTT_3_1_1);
        assertThat(MqttTopics.isValidTopicFilter(filter)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a#", "a/#/b", "#/", "##", "a/b#"})
    void topic_filter_rejects_misplaced_multi_level_wildcard(String filter) {
        assertFilterRejected(filter, MqttVersion.MQTT_5, "MQTT-4.7.1-1");
        assertFilterRejected(filter, MqttVersion.MQTT_3_1_1, "MQTT-4.7.1-2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a+", "+a", "a/b+/c", "++", "a/+b"})
    void topic_filter_rejects_single_level_wildcard_not_filling_a_level(String filter) {
        assertFilterRejected(filter, MqttVersion.MQTT_5, "MQTT-4.7.1-2");
        assertFilterRejected(filter, MqttVersion.MQTT_3_1_1, "MQTT-4.7.1-3");
    }

    @Test
    void topic_filter_rejects_empty() {
        assertFilterRejected("", MqttVersion.MQTT_5, "MQTT-4.7.3-1");
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "sport/tennis/player1/#, sport/tennis/player1, true",
        "sport/tennis/player1/#, sport/tennis/player1/ranking, true",
        "sport/tennis/player1/#, sport/tennis/player1/score/wimbledon, true",
        "sport/#, sport, true",
        "#, sport/tennis, true",
        "#, /, true",
        "sport/tennis/+, sport/tennis/player1, true",
        "sport/tennis/+, sport/tennis/player1/ranking, false",
        "sport/+, sport, false",
        "sport/+, sport/, true",
        "+/+, /finance, true",
        "/+, /finance, true",
        "+, /finance, false",
        "+, finance, true",
        "a/b, a/b, true",
        "a/b, a/b/c, false",
        "a/b/c, a/b, false",
        "a/b, a/bc, false",
        "a/bc, a/b, false",
        "a/, a/, true",
        "a/, a, false",
        "a, a/, false",
        "+/+/+, a//b, true",
        "a/+/c, a//c, true",
        "A/b, a/b, false",
        "#, $SYS/broker, false",
        "+/broker, $SYS/broker, false",
        "$SYS/#, $SYS/broker, true",
        "$SYS/+, $SYS/broker, true",
        "a/#, a/b/c/d, true",
        "a/+/#, a, false",
        "a/+/#, a/b, true",
    })
    void matches_follows_section_4_7(String filter, String topic, boolean expected) {
        assertThat(MqttTopics.matches(filter, topic)).isEqualTo(expected);
    }

    @Test
    void parse_shared_returns_null_for_ordinary_filters() {
        assertThat(MqttTopics.parseShared("a/b")).isNull();
        assertThat(MqttTopics.parseShared("$share")).isNull();
        assertThat(MqttTopics.parseShared("$SHARE/g/a")).isNull();
    }

    @Test
    void parse_shared_splits_group_and_filter() {
        MqttSharedFilter shared = MqttTopics.parseShared("$share/consumers/sport/+/score");
        assertThat(shared).isEqualTo(new MqttSharedFilter("consumers", "sport/+/score"));
        assertThat(shared.rawFilter()).isEqualTo("$share/consumers/sport/+/score");
        assertThat(MqttTopics.parseShared("$share/g/#").topicFilter()).isEqualTo("#");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "$share/, MQTT-4.8.2-1",
        "$share//a, MQTT-4.8.2-1",
        "$share/g, MQTT-4.8.2-2",
        "$share/g/, MQTT-4.8.2-2",
        "$share/g+/a, MQTT-4.8.2-2",
        "$share/#/a, MQTT-4.8.2-2",
        "$share/g/a#, MQTT-4.7.1-1",
    })
    void parse_shared_rejects_invalid_share_names(String filter, String statementId) {
        assertThatThrownBy(() -> MqttTopics.parseShared(filter)).isInstanceOfSatisfying(MqttDecodeException.class, e -> {
            assertThat(e.reasonCode()).isEqualTo(MqttDisconnectReasonCode.MALFORMED_PACKET);
            assertThat(e.statementId()).isEqualTo(statementId);
        });
    }

    @Test
    void contains_wildcard_detects_plus_and_hash() {
        assertThat(MqttTopics.containsWildcard("a/b")).isFalse();
        assertThat(MqttTopics.containsWildcard("a/+")).isTrue();
        assertThat(MqttTopics.containsWildcard("#")).isTrue();
    }
}
