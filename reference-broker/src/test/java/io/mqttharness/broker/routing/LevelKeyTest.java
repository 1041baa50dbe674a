package io.mqttharness.broker.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LevelKeyTest {

    @Test
    void probe_over_a_level_of_a_topic_finds_the_stored_key_of_that_level() {
        Map<LevelKey, String> map = new HashMap<>();
        map.put(LevelKey.of("sensors"), "first");
        map.put(LevelKey.of("42"), "second");
        map.put(LevelKey.of("temperature"), "third");
        LevelKey probe = LevelKey.probe();
        String topic = "sensors/42/temperature";

        assertThat(map.get(probe.moveTo(topic, 0, 7))).isEqualTo("first");
        assertThat(map.get(probe.moveTo(topic, 8, 10))).isEqualTo("second");
        assertThat(map.get(probe.moveTo(topic, 11, 22))).isEqualTo("third");
        assertThat(map.get(probe.moveTo(topic, 0, 6))).as("a prefix of a level is another level").isNull();
    }

    @Test
    void equal_text_gives_equal_keys_and_hash_codes_whatever_the_surrounding_string() {
        LevelKey stored = LevelKey.of("b");
        LevelKey probe = LevelKey.probe().moveTo("a/b/c", 2, 3);

        assertThat(probe).isEqualTo(stored);
        assertThat(stored).isEqualTo(probe);
        assertThat(probe.hashCode()).isEqualTo(stored.hashCode()).isEqualTo("b".hashCode());
        assertThat(probe.toString()).isEqualTo("b");
    }

    @Test
    void empty_level_is_its_own_key() {
        LevelKey empty = LevelKey.of("");

        assertThat(LevelKey.probe().moveTo("a//b", 2, 2)).isEqualTo(empty);
        assertThat(LevelKey.probe().moveTo("a//b", 0, 1)).isNotEqualTo(empty);
    }

    @Test
    void levels_are_compared_exactly_including_case_and_non_ascii_characters() {
        assertThat(LevelKey.probe().moveTo("x/Grüße", 2, 7)).isEqualTo(LevelKey.of("Grüße"));
        assertThat(LevelKey.probe().moveTo("x/grüße", 2, 7)).isNotEqualTo(LevelKey.of("Grüße"));
        // "Aa" and "BB" share a hash code: only the text may decide
        assertThat(LevelKey.of("Aa").hashCode()).isEqualTo(LevelKey.of("BB").hashCode());
        assertThat(LevelKey.of("Aa")).isNotEqualTo(LevelKey.of("BB"));
    }
}
