package io.mqttharness.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.testsupport.BrokerTestBase;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPublish;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MessageExpiryTest extends BrokerTestBase {

    @Test
    void message_expiry_is_forwarded_with_the_remaining_time() throws InterruptedException {
        startBroker();
        TestMqttClient sub = client(MqttVersion.MQTT_5);
        MqttProperties persistent = MqttProperties.builder().sessionExpiryInterval(60L).build();
        sub.connect(sub.connectPacket("sub", true, 60, persistent, null));
        sub.subscribe(1, "t", MqttQos.AT_LEAST_ONCE);
        sub.disconnect();
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.send(new MqttPublish(false, MqttQos.AT_LEAST_ONCE, false, "t", 1,
                MqttProperties.builder().messageExpiryInterval(10L).build(), new byte[] {1}));
        pub.expect(MqttPubAck.class);
        Thread.sleep(1100); // let the queued message age by a full second
        TestMqttClient back = client(MqttVersion.MQTT_5);
        back.connect(back.connectPacket("sub", false, 60, persistent, null));
        MqttPublish p = back.expect(MqttPublish.class);
        assertThat(p.properties().messageExpiryInterval()).isBetween(1L, 9L);
    }

    @Test
    void expired_queued_message_is_dropped() throws InterruptedException {
        startBroker();
        TestMqttClient sub = client(MqttVersion.MQTT_5);
        MqttProperties persistent = MqttProperties.builder().sessionExpiryInterval(60L).build();
        sub.connect(sub.connectPacket("sub", true, 60, persistent, null));
        sub.subscribe(1, "t", MqttQos.AT_LEAST_ONCE);
        sub.disconnect();
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub");
        pub.send(new MqttPublish(false, MqttQos.AT_LEAST_ONCE, false, "t", 1,
                MqttProperties.builder().messageExpiryInterval(1L).build(), new byte[] {1}));
        pub.expect(MqttPubAck.class);
        Thread.sleep(1100); // wall-clock expiry
        TestMqttClient back = client(MqttVersion.MQTT_5);
        back.connect(back.connectPacket("sub", false, 60, persistent, null));
        back.expectNoPacket(Duration.ofMillis(300));
    }
}
