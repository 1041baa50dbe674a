package io.mqttharness.reports.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementKeyTest {

    @Test
    void parses_bare_and_versioned_keys() {
        assertThat(StatementKey.parse("MQTT-3.1.2-1")).isEqualTo(new StatementKey("", "MQTT-3.1.2-1"));
        assertThat(StatementKey.parse("5/MQTT-3.1.2-1")).isEqualTo(new StatementKey("5", "MQTT-3.1.2-1"));
        assertThat(StatementKey.parse("5.0:MQTT-3.1.2-1")).isEqualTo(new StatementKey("5", "MQTT-3.1.2-1"));
        assertThat(StatementKey.parse("3.1.1 MQTT-4.7.1-2")).isEqualTo(new StatementKey("3.1.1", "MQTT-4.7.1-2"));
        assertThat(StatementKey.parse("[4] MQTT-4.7.1-2")).isEqualTo(new StatementKey("3.1.1", "MQTT-4.7.1-2"));
        assertThat(StatementKey.parse("something else")).isEqualTo(new StatementKey("", "something else"));
    }

    @Test
    void sections_come_from_the_first_two_numbers_of_the_id() {
        assertThat(SpecSections.sectionOf("MQTT-3.1.2-1")).isEqualTo("3.1");
        assertThat(SpecSections.sectionOf("MQTT-3.10.4-6")).isEqualTo("3.10");
        assertThat(SpecSections.sectionOf("MQTT-4.13.1-1")).isEqualTo("4.13");
        assertThat(SpecSections.sectionOf("MQTT-6.0.0-1")).isEqualTo("6");
        assertThat(SpecSections.sectionOf("bogus")).isEqualTo("?");
    }

    @Test
    void section_titles_follow_the_version() {
        assertThat(SpecSections.title("3.1", "5")).isEqualTo("CONNECT");
        assertThat(SpecSections.title("3.15", "5")).isEqualTo("AUTH");
        assertThat(SpecSections.title("4.8", "3.1.1")).isEqualTo("Handling errors");
        assertThat(SpecSections.title("4.8", "5")).isEqualTo("Subscriptions");
        assertThat(SpecSections.title("4.13", "5")).isEqualTo("Handling errors");
        assertThat(SpecSections.title("6", "3.1.1")).isEqualTo("Using WebSocket as a network transport");
    }

    @Test
    void ids_sort_numerically_not_alphabetically() {
        List<StatementKey> keys = new ArrayList<>(List.of(StatementKey.parse("MQTT-3.10.1-1"),
                StatementKey.parse("MQTT-3.2.2-10"), StatementKey.parse("MQTT-3.2.2-9")));
        keys.sort(StatementKey.ORDER);
        assertThat(keys).extracting(StatementKey::id).containsExactly("MQTT-3.2.2-9", "MQTT-3.2.2-10",
                "MQTT-3.10.1-1");
    }
}
