package io.mqttharness.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.testsupport.BrokerTestBase;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttPingReq;
import io.mqttharness.codec.packet.MqttPingResp;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.packet.MqttSubAck;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import io.mqttharness.codec.reason.MqttSubAckReasonCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BasicFlowTest extends BrokerTestBase {

    @ParameterizedTest
    @EnumSource(value = MqttVersion.class, names = {"MQTT_3_1_1", "MQTT_5"})
    void connect_subscribe_publish_qos0_is_delivered(MqttVersion version) {
        startBroker();
        TestMqttClient sub = client(version);
        MqttConnAck ack = sub.connect("sub", true);
        assertThat(ack.reasonCode()).isEqualTo(MqttConnectReasonCode.SUCCESS);
        assertThat(ack.sessionPresent()).isFalse();
        MqttSubAck subAck = sub.subscribe(1, "a/+", MqttQos.AT_MOST_ONCE);
        assertThat(subAck.reasonCodes()).containsExactly(MqttSubAckReasonCode.GRANTED_QOS_0);

        TestMqttClient pub = connected(version, "pub");
        pub.publish("a/b", "hello", MqttQos.AT_MOST_ONCE, false, 0);

        MqttPublish received = sub.expect(MqttPublish.class);
        assertThat(received.topic()).isEqualTo("a/b");
        assertThat(TestMqttClient.text(received)).isEqualTo("hello");
        assertThat(received.qos()).isEqualTo(MqttQos.AT_MOST_ONCE);
        assertThat(received.retain()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = MqttVersion.class, names = {"MQTT_3_1_1", "MQTT_5"})
    void pingreq_is_answered_with_pingresp(MqttVersion version) {
        startBroker();
        TestMqttClient c = connected(version, "pinger");
        c.send(MqttPingReq.INSTANCE);
        c.expect(MqttPingResp.class);
    }
}
