package io.mqttharness.spec.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.capability.Capability;
import io.mqttharness.spec.statement.Statement;
import io.mqttharness.spec.statement.StatementCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInScenariosTest {

    @Test
    void built_in_scenarios_load_and_name_only_server_testable_statements_and_known_capabilities() {
        List<Scenario> scenarios = ScenarioLoader.builtIn();

        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(30);
        for (MqttVersion v : List.of(MqttVersion.MQTT_3_1_1, MqttVersion.MQTT_5)) {
            StatementCatalog catalog = StatementCatalog.load(v);
            for (Scenario s : scenarios) {
                for (String id : s.statementsFor(v)) {
                    Statement st = catalog.get(id);
                    assertThat(st).as(s.id() + " names " + id + " under " + v).isNotNull();
                    assertThat(st.serverTestable()).as(s.id() + ": " + id + " is " + st.testClass()).isTrue();
                }
            }
        }
        scenarios.forEach(s -> s.requires().forEach(r -> assertThat(Capability.ALL).contains(Capability.nameOf(r))));
    }
}
