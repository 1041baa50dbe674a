package io.mqttharness.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.testsupport.BrokerTestBase;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPingReq;
import io.mqttharness.codec.packet.MqttPingResp;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeepAliveTest extends BrokerTestBase {

    @Test
    void v311_silent_client_is_closed_after_one_and_a_half_keep_alive() {
        startBroker();
        TestMqttClient c = client(MqttVersion.MQTT_3_1_1);
        c.connect(c.connectPacket("k", true, 1, MqttProperties.EMPTY, null));
        long start = System.nanoTime();
        c.expectClosed();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1300));
    }

    @Test
    void v5_silent_client_gets_disconnect_0x8d() {
        startBroker();
        TestMqttClient c = client(MqttVersion.MQTT_5);
        c.connect(c.connectPacket("k", true, 1, MqttProperties.EMPTY, null));
        assertThat(c.expect(MqttDisconnect.class).reasonCode()).isEqualTo(MqttDisconnectReasonCode.KEEP_ALIVE_TIMEOUT);
        c.expectClosed();
    }

    @Test
    void pings_keep_the_connection_alive() {
        startBroker();
        TestMqttClient c = client(MqttVersion.MQTT_5);
        c.connect(c.connectPacket("k", true, 1, MqttProperties.EMPTY, null));
        for (int i = 0; i < 4; i++) {
            c.expectNoPacket(Duration.ofMillis(600));
            c.send(MqttPingReq.INSTANCE);
            c.expect(MqttPingResp.class);
        }
        assertThat(c.isClosed()).isFalse();
    }
}
