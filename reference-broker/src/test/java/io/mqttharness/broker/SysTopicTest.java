package io.mqttharness.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.testsupport.BrokerTestBase;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttPublish;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SysTopicTest extends BrokerTestBase {

    @Test
    void sys_topics_are_published_as_retained_statistics() {
        startBroker(b -> b.sysInterval(60));
        TestMqttClient c = connected(MqttVersion.MQTT_5, "stats");
        c.subscribe(1, "$SYS/broker/#", MqttQos.AT_MOST_ONCE);
        // first the 14 retained values of the publication at startup, then 14 live ones
        Map<String, String> retained = new HashMap<>();
        for (int i = 0; i < 14; i++) {
            MqttPublish p = c.expect(MqttPublish.class);
            assertThat(p.retain()).isTrue();
            retained.put(p.topic(), TestMqttClient.text(p));
        }
        assertThat(retained.get("$SYS/broker/clients/connected")).isEqualTo("0");
        broker.publishSysTopicsNow();
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < 14; i++) {
            MqttPublish p = c.expect(MqttPublish.class);
            values.put(p.topic(), TestMqttClient.text(p));
        }
        assertThat(values).containsKeys("$SYS/broker/version", "$SYS/broker/uptime", "$SYS/broker/clients/total",
                "$SYS/broker/messages/received", "$SYS/broker/messages/sent", "$SYS/broker/bytes/received",
                "$SYS/broker/bytes/sent", "$SYS/broker/subscriptions/count", "$SYS/broker/retained messages/count",
                "$SYS/broker/store/messages/count", "$SYS/broker/messages/dropped",
                "$SYS/broker/publish/messages/dropped", "$SYS/broker/store/messages/bytes");
        assertThat(values.get("$SYS/broker/uptime")).endsWith(" seconds");
        assertThat(values.get("$SYS/broker/clients/connected")).isEqualTo("1");
    }

    @Test
    void hash_wildcard_does_not_match_sys_topics() {
        startBroker(b -> b.sysInterval(1));
        TestMqttClient c = connected(MqttVersion.MQTT_5, "all");
        c.subscribe(1, "#", MqttQos.AT_MOST_ONCE);
        broker.publishSysTopicsNow();
        c.expectNoPacket(Duration.ofMillis(300));
    }
}
