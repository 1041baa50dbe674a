package io.mqttharness.broker.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.mqttharness.broker.server.MqttPipelineNames;
import io.mqttharness.codec.MqttHex;
import io.mqttharness.codec.MqttVersion;
import org.junit.jupiter.api.Test;

/** The fuzz harness itself: it must run the broker's real pipeline and accept what a correct broker does. */
class BrokerConnectionInvariantsTest {

    @Test
    void a_valid_session_after_the_prepended_connect_passes_every_check() {
        byte[] input = MqttHex.parse("01"                                   // switch: prepend a valid CONNECT
                + " 82 08 00 01 00 03 61 2f 62 01"                            // SUBSCRIBE 1, a/b QoS 1
                + " 32 08 00 03 61 2f 62 00 02 78"                            // PUBLISH QoS 1 a/b id 2 "x"
                + " c0 00");                                                  // PINGREQ
        assertThatCode(() -> BrokerConnectionInvariants.check(input, MqttVersion.MQTT_3_1_1))
                .doesNotThrowAnyException();
    }

    @Test
    void malformed_input_after_connect_is_closed_as_the_specification_requires() {
        // PINGREQ with reserved flags 0b0001 [MQTT-2.2.2-2]: the broker must close (and may send DISCONNECT 0x81)
        byte[] input = MqttHex.parse("01 c1 00");
        assertThatCode(() -> BrokerConnectionInvariants.check(input, MqttVersion.MQTT_5)).doesNotThrowAnyException();
        assertThatCode(() -> BrokerConnectionInvariants.check(input, MqttVersion.MQTT_3_1_1))
                .doesNotThrowAnyException();
    }

    @Test
    void the_embedded_channel_runs_the_pipeline_of_the_brokers_own_initializer() {
        BrokerConnectionInvariants.check(MqttHex.parse("00"), MqttVersion.MQTT_5); // starts the shared broker
        EmbeddedSocketChannel channel = new EmbeddedSocketChannel(BrokerConnectionInvariants.initializerForTests());
        try {
            assertThat(channel.pipeline().names()).contains(MqttPipelineNames.DECODER, MqttPipelineNames.ENCODER,
                    MqttPipelineNames.CONNECTION);
            assertThat(channel.config().getWriteBufferHighWaterMark()).isEqualTo(64 * 1024);
        } finally {
            channel.finishAndReleaseAll();
        }
    }
}
