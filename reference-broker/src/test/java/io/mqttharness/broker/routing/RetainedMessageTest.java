package io.mqttharness.broker.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.packet.MqttPublish;
import org.junit.jupiter.api.Test;

/** Message Expiry Interval bookkeeping, MQTT 5 section 3.3.2.3.3. */
class RetainedMessageTest {

    private static final long SECOND = 1_000_000_000L;

    private static RetainedMessage stored(Long expiry, long atNanos) {
        MqttProperties properties = MqttProperties.builder().messageExpiryInterval(expiry).build();
        return new RetainedMessage(new MqttPublish(false, MqttQos.AT_MOST_ONCE, true, "t", 0, properties, new byte[] {1}), atNanos);
    }

    @Test
    void message_without_expiry_interval_has_no_remaining_interval_and_never_expires() {
        RetainedMessage m = stored(null, 0);

        assertThat(m.remainingExpirySeconds(1_000 * SECOND)).isNull();
        assertThat(m.isExpired(1_000 * SECOND)).isFalse();
    }

    // MQTT-3.3.2-6: forwarded interval = received value minus the time waited in the server.
    @Test
    void remaining_interval_is_the_received_value_minus_whole_seconds_waited_MQTT_3_3_2_6() {
        long t0 = 77 * SECOND;
        RetainedMessage m = stored(10L, t0);

        assertThat(m.remainingExpirySeconds(t0)).isEqualTo(10);
        assertThat(m.remainingExpirySeconds(t0 + SECOND / 2)).isEqualTo(10);
        assertThat(m.remainingExpirySeconds(t0 + 3 * SECOND)).isEqualTo(7);
        assertThat(m.remainingExpirySeconds(t0 + 10 * SECOND)).isZero();
        assertThat(m.remainingExpirySeconds(t0 + 12 * SECOND)).isEqualTo(-2);
        assertThat(m.isExpired(t0 + 10 * SECOND - 1)).isFalse();
        assertThat(m.isExpired(t0 + 10 * SECOND)).isTrue();
    }

    @Test
    void remaining_interval_handles_negative_nano_time_origins() {
        // System.nanoTime() may be negative; only differences matter.
        RetainedMessage m = stored(5L, -3 * SECOND);

        assertThat(m.remainingExpirySeconds(-SECOND)).isEqualTo(3);
    }
}
