package io.mqttharness.load.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.codec.MqttVersion;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MqttProtocolBuilderTest {

    @Test
    void builder_methods_return_new_builders_and_leave_the_base_unchanged() {
        MqttProtocolBuilder base = MqttProtocolBuilder.defaults();

        MqttProtocol changed = base.broker("10.0.0.1", 8883).mqtt5().credentials("u", "p")
                .keepAlive(Duration.ofSeconds(30)).cleanStart(false).sessionExpiry(Duration.ofMinutes(2))
                .protocol();

        assertThat(base.protocol().host()).isEqualTo("127.0.0.1");
        assertThat(base.protocol().port()).isEqualTo(1883);
        assertThat(base.protocol().version()).isEqualTo(MqttVersion.MQTT_3_1_1);
        assertThat(changed.host()).isEqualTo("10.0.0.1");
        assertThat(changed.port()).isEqualTo(8883);
        assertThat(changed.version()).isEqualTo(MqttVersion.MQTT_5);
        assertThat(changed.username()).isEqualTo("u");
        assertThat(changed.password()).containsExactly('p');
        assertThat(changed.keepAliveSeconds()).isEqualTo(30);
        assertThat(changed.cleanStart()).isFalse();
        assertThat(changed.sessionExpirySeconds()).isEqualTo(120L);
        assertThat(changed.latencyTracker()).isSameAs(base.protocol().latencyTracker());
    }

    @Test
    void rejects_bad_settings_with_a_message_naming_them() {
        MqttProtocolBuilder base = MqttProtocolBuilder.defaults();

        assertThatThrownBy(() -> base.broker("localhost", 0)).hasMessageContaining("port must be 1..65535");
        assertThatThrownBy(() -> base.keepAlive(Duration.ofSeconds(70_000))).hasMessageContaining("keep alive");
        assertThatThrownBy(() -> base.version("3.1")).hasMessageContaining("3.1 is not supported");
        assertThatThrownBy(() -> base.version("6")).hasMessageContaining("unknown MQTT version");
        assertThatThrownBy(() -> base.ackTimeout(Duration.ZERO)).hasMessageContaining("ack timeout");
    }
}
