package io.mqttharness.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.testsupport.BrokerTestBase;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.packet.MqttWill;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WillTest extends BrokerTestBase {

    private static MqttWill will(MqttProperties props) {
        return new MqttWill("will/t", "gone".getBytes(StandardCharsets.UTF_8), MqttQos.AT_LEAST_ONCE, false, props);
    }

    private TestMqttClient watcher() {
        TestMqttClient w = connected(MqttVersion.MQTT_5, "watcher");
        w.subscribe(1, "will/#", MqttQos.AT_LEAST_ONCE);
        return w;
    }

    private TestMqttClient withWill(MqttVersion version, String id, MqttProperties connectProps, MqttWill will) {
        TestMqttClient c = client(version);
        c.connect(c.connectPacket(id, true, 60, connectProps, will));
        return c;
    }

    @ParameterizedTest
    @EnumSource(value = MqttVersion.class, names = {"MQTT_3_1_1", "MQTT_5"})
    void will_is_published_when_the_connection_drops(MqttVersion version) {
        startBroker();
        TestMqttClient w = watcher();
        TestMqttClient c = withWill(version, "dying", MqttProperties.EMPTY, will(MqttProperties.EMPTY));
        c.close();
        MqttPublish p = w.expect(MqttPublish.class);
        assertThat(p.topic()).isEqualTo("will/t");
        assertThat(TestMqttClient.text(p)).isEqualTo("gone");
    }

    @ParameterizedTest
    @EnumSource(value = MqttVersion.class, names = {"MQTT_3_1_1", "MQTT_5"})
    void will_is_not_published_after_normal_disconnect(MqttVersion version) {
        startBroker();
        TestMqttClient w = watcher();
        TestMqttClient c = withWill(version, "polite", MqttProperties.EMPTY, will(MqttProperties.EMPTY));
        c.disconnect();
        w.expectNoPacket(Duration.ofMillis(300));
    }

    @Test
    void v5_disconnect_with_will_message_publishes_the_will() {
        startBroker();
        TestMqttClient w = watcher();
        TestMqttClient c = withWill(MqttVersion.MQTT_5, "w4", MqttProperties.EMPTY, will(MqttProperties.EMPTY));
        c.send(new MqttDisconnect(MqttDisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE, MqttProperties.EMPTY));
        assertThat(w.expect(MqttPublish.class).topic()).isEqualTo("will/t");
    }

    @Test
    void v5_will_properties_are_carried_to_subscribers() {
        startBroker();
        TestMqttClient w = watcher();
        MqttProperties props = MqttProperties.builder().contentType("text/plain").responseTopic("reply/here")
                .correlationData(new byte[] {7}).payloadFormatIndicator(1).messageExpiryInterval(100L)
                .addUserProperty("k", "v").build();
        TestMqttClient c = withWill(MqttVersion.MQTT_5, "props", MqttProperties.EMPTY, will(props));
        c.close();
        MqttProperties got = w.expect(MqttPublish.class).properties();
        assertThat(got.contentType()).isEqualTo("text/plain");
        assertThat(got.responseTopic()).isEqualTo("reply/here");
        assertThat(got.correlationData()).containsExactly(7);
        assertThat(got.payloadFormatIndicator()).isEqualTo(1);
        assertThat(got.messageExpiryInterval()).isBetween(99L, 100L);
        assertThat(got.userProperties()).extracting(u -> u.name() + "=" + u.value()).containsExactly("k=v");
    }

    @Test
    void v5_will_delay_publishes_after_the_delay() {
        startBroker();
        TestMqttClient w = watcher();
        TestMqttClient c = withWill(MqttVersion.MQTT_5, "delayed",
                MqttProperties.builder().sessionExpiryInterval(60L).build(),
                will(MqttProperties.builder().willDelayInterval(1L).build()));
        long start = System.nanoTime();
        c.close();
        w.expectNoPacket(Duration.ofMillis(500));
        w.expect(MqttPublish.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void v5_will_delay_is_cancelled_when_the_client_resumes_the_session() {
        startBroker();
        TestMqttClient w = watcher();
        MqttProperties expiry = MqttProperties.builder().sessionExpiryInterval(60L).build();
        TestMqttClient c = withWill(MqttVersion.MQTT_5, "back", expiry,
                will(MqttProperties.builder().willDelayInterval(1L).build()));
        c.close();
        TestMqttClient again = client(MqttVersion.MQTT_5);
        again.connect(again.connectPacket("back", false, 60, expiry, null));
        w.expectNoPacket(Duration.ofMillis(1500));
    }

    @Test
    void v5_delayed_will_is_published_when_the_session_ends_first() {
        startBroker();
        TestMqttClient w = watcher();
        TestMqttClient c = withWill(MqttVersion.MQTT_5, "short", MqttProperties.EMPTY,
                will(MqttProperties.builder().willDelayInterval(30L).build()));
        c.close(); // session expiry 0: the session ends now
        w.expect(MqttPublish.class);
    }

    @Test
    void v5_takeover_with_clean_start_publishes_the_old_will() {
        startBroker();
        TestMqttClient w = watcher();
        withWill(MqttVersion.MQTT_5, "taken", MqttProperties.EMPTY, will(MqttProperties.EMPTY));
        TestMqttClient again = client(MqttVersion.MQTT_5);
        again.connect("taken", true);
        w.expect(MqttPublish.class);
    }

    @Test
    void keep_alive_timeout_publishes_the_will() {
        startBroker();
        TestMqttClient w = watcher();
        TestMqttClient c = client(MqttVersion.MQTT_5);
        c.connect(c.connectPacket("silent", true, 1, MqttProperties.EMPTY, will(MqttProperties.EMPTY)));
        assertThat(c.expect(MqttDisconnect.class).reasonCode()).isEqualTo(MqttDisconnectReasonCode.KEEP_ALIVE_TIMEOUT);
        w.expect(MqttPublish.class);
    }

    @Test
    void retained_will_is_stored_as_retained() {
        startBroker();
        TestMqttClient c = withWill(MqttVersion.MQTT_3_1_1, "rw", MqttProperties.EMPTY,
                new MqttWill("will/r", new byte[] {1}, MqttQos.AT_MOST_ONCE, true, null));
        c.close();
        TestMqttClient sub = connected(MqttVersion.MQTT_5, "late");
        sub.subscribe(1, "will/r", MqttQos.AT_MOST_ONCE);
        assertThat(sub.expect(MqttPublish.class).retain()).isTrue();
    }
}
