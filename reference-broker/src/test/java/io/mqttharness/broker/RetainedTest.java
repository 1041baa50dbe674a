package io.mqttharness.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.testsupport.BrokerTestBase;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.packet.MqttSubscription;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RetainedTest extends BrokerTestBase {

    @ParameterizedTest
    @EnumSource(value = MqttVersion.class, names = {"MQTT_3_1_1", "MQTT_5"})
    void retained_message_is_sent_on_subscribe_with_retain_1_and_replaced_by_the_next(MqttVersion version) {
        startBroker();
        TestMqttClient pub = connected(version, "pub");
        pub.publishAndComplete("r/t", "first", MqttQos.AT_LEAST_ONCE, true, 1);
        pub.publishAndComplete("r/t", "second", MqttQos.AT_LEAST_ONCE, true, 2);
        TestMqttClient sub = connected(version, "sub");
        sub.subscribe(1, "r/#", MqttQos.AT_LEAST_ONCE);
        MqttPublish p = sub.expect(MqttPublish.class);
        assertThat(p.retain()).isTrue();
        assertThat(TestMqttClient.text(p)).isEqualTo("second");
        sub.expectNoPacket(Duration.ofMillis(200));
    }

    @ParameterizedTest
    @EnumSource(value = MqttVersion.class, names = {"MQTT_3_1_1", "MQTT_5"})
    void live_message_to_existing_subscription_has_retain_0(MqttVersion version) {
        startBroker();
        TestMqttClient sub = connected(version, "sub");
        sub.subscribe(1, "r/t", MqttQos.AT_MOST_ONCE);
        TestMqttClient pub = connected(version, "pub");
        pub.publish("r/t", "live", MqttQos.AT_MOST_ONCE, true, 0);
        assertThat(sub.expect(MqttPublish.class).retain()).isFalse();
    }

    @Test
    void empty_retained_payload_clears_the_retained_message() {
        startBroker();
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.publishAndComplete("r/t", "value", MqttQos.AT_LEAST_ONCE, true, 1);
        pub.publishAndComplete("r/t", "", MqttQos.AT_LEAST_ONCE, true, 2);
        assertThat(broker.context().retained().size()).isZero();
        TestMqttClient sub = connected(MqttVersion.MQTT_5, "sub");
        sub.subscribe(1, "r/t", MqttQos.AT_LEAST_ONCE);
        sub.expectNoPacket(Duration.ofMillis(200));
    }

    @Test
    void retain_as_published_keeps_the_retain_flag() {
        startBroker();
        TestMqttClient sub = connected(MqttVersion.MQTT_5, "sub");
        sub.subscribe(1, List.of(new MqttSubscription("r/t", MqttQos.AT_MOST_ONCE, false, true, 0)),
                MqttProperties.EMPTY);
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.publish("r/t", "live", MqttQos.AT_MOST_ONCE, true, 0);
        assertThat(sub.expect(MqttPublish.class).retain()).isTrue();
    }

    @Test
    void retain_handling_1_sends_retained_only_for_a_new_subscription_and_2_never() {
        startBroker();
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.publishAndComplete("r/t", "v", MqttQos.AT_LEAST_ONCE, true, 1);
        TestMqttClient sub = connected(MqttVersion.MQTT_5, "sub");
        List<MqttSubscription> rh1 = List.of(new MqttSubscription("r/t", MqttQos.AT_MOST_ONCE, false, false, 1));
        sub.subscribe(1, rh1, MqttProperties.EMPTY);
        assertThat(sub.expect(MqttPublish.class).retain()).isTrue();
        sub.subscribe(2, rh1, MqttProperties.EMPTY);
        sub.expectNoPacket(Duration.ofMillis(200));
        sub.subscribe(3, List.of(new MqttSubscription("r/+", MqttQos.AT_MOST_ONCE, false, false, 2)),
                MqttProperties.EMPTY);
        sub.expectNoPacket(Duration.ofMillis(200));
        sub.subscribe(4, List.of(new MqttSubscription("r/t", MqttQos.AT_MOST_ONCE, false, false, 0)),
                MqttProperties.EMPTY);
        assertThat(sub.expect(MqttPublish.class).retain()).isTrue();
    }

    @Test
    void retained_messages_are_not_sent_to_shared_subscriptions() {
        startBroker();
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.publishAndComplete("r/t", "v", MqttQos.AT_LEAST_ONCE, true, 1);
        TestMqttClient sub = connected(MqttVersion.MQTT_5, "sub");
        sub.subscribe(1, "$share/g/r/t", MqttQos.AT_MOST_ONCE);
        sub.expectNoPacket(Duration.ofMillis(200));
    }

    @Test
    void expired_retained_message_is_not_sent() throws InterruptedException {
        startBroker();
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.send(new MqttPublish(false, MqttQos.AT_MOST_ONCE, true, "r/e", 0,
                MqttProperties.builder().messageExpiryInterval(1L).build(), new byte[] {1}));
        pub.publishAndComplete("sync", "x", MqttQos.AT_LEAST_ONCE, false, 1);
        Thread.sleep(1100); // the expiry is wall-clock time; nothing to await
        TestMqttClient sub = connected(MqttVersion.MQTT_5, "sub");
        sub.subscribe(1, "r/e", MqttQos.AT_MOST_ONCE);
        sub.expectNoPacket(Duration.ofMillis(200));
    }
}
