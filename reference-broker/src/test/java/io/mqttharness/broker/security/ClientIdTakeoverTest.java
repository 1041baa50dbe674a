package io.mqttharness.broker.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.testsupport.BrokerTestBase;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPingReq;
import io.mqttharness.codec.packet.MqttPingResp;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A CONNECT with a client identifier whose session belongs to another user is refused with Not authorized (MQTT 5
 * reason 0x87, MQTT 3.1.1 return code 5) and leaves that session alone: its connection stays up, its offline queue
 * stays. mosquitto 2.0 lets any authenticated user take over any client identifier; we deliberately do not.
 */
class ClientIdTakeoverTest extends BrokerTestBase {
    private static final long HOUR = 3600;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        Path passwords = Files.writeString(dir.resolve("passwd"), PasswordFile.hashEntry("alice", "alice-pw") + "\n"
                + PasswordFile.hashEntry("bob", "bob-pw") + "\n");
        startBroker(b -> b.passwordFile(passwords).allowAnonymous(false).failedLoginDelayMillis(0));
    }

    private TestMqttClient login(MqttVersion version, String user, String clientId, boolean cleanStart,
            MqttConnectReasonCode expected) {
        TestMqttClient c = client(version);
        MqttProperties props = version.isV5() && !cleanStart
                ? MqttProperties.builder().sessionExpiryInterval(HOUR).build() : MqttProperties.EMPTY;
        MqttConnAck ack = c.connect(new MqttConnect(version, cleanStart, 60, clientId, props, null, user,
                (user + "-pw").getBytes(StandardCharsets.UTF_8)));
        assertThat(ack.reasonCode()).as("CONNACK of " + user).isEqualTo(expected);
        return c;
    }

    @ParameterizedTest
    @EnumSource(value = MqttVersion.class, names = {"MQTT_3_1_1", "MQTT_5"})
    void another_user_cannot_take_over_a_connected_client_id(MqttVersion version) {
        TestMqttClient alice = login(version, "alice", "device-1", true, MqttConnectReasonCode.SUCCESS);

        TestMqttClient bob = login(version, "bob", "device-1", true, MqttConnectReasonCode.NOT_AUTHORIZED);

        bob.expectClosed();
        alice.send(MqttPingReq.INSTANCE);
        assertThat(alice.next()).isInstanceOf(MqttPingResp.class);
        alice.subscribe(1, "t/alice", MqttQos.AT_MOST_ONCE);
        TestMqttClient other = login(version, "bob", "bob-pub", true, MqttConnectReasonCode.SUCCESS);
        other.publish("t/alice", "still yours", MqttQos.AT_MOST_ONCE, false, 0);
        assertThat(TestMqttClient.text(alice.expect(MqttPublish.class))).isEqualTo("still yours");
    }

    @ParameterizedTest
    @EnumSource(value = MqttVersion.class, names = {"MQTT_3_1_1", "MQTT_5"})
    void the_same_user_still_takes_over_its_own_client_id(MqttVersion version) {
        TestMqttClient first = login(version, "alice", "device-2", true, MqttConnectReasonCode.SUCCESS);

        login(version, "alice", "device-2", true, MqttConnectReasonCode.SUCCESS);

        if (version.isV5()) {
            assertThat(first.expect(MqttDisconnect.class).reasonCode())
                    .isEqualTo(MqttDisconnectReasonCode.SESSION_TAKEN_OVER);
        }
        first.expectClosed();
    }

    @ParameterizedTest
    @EnumSource(value = MqttVersion.class, names = {"MQTT_3_1_1", "MQTT_5"})
    void unverified_user_names_do_not_own_client_ids(MqttVersion version) {
        broker.close();
        startBroker(b -> b.allowAnonymous(true)); // no password file: a user name is only a claim
        TestMqttClient first = client(version);
        first.connect(new MqttConnect(version, true, 60, "device-4", MqttProperties.EMPTY, null, "alice", null));

        TestMqttClient second = client(version);
        MqttConnAck ack = second.connect(new MqttConnect(version, true, 60, "device-4", MqttProperties.EMPTY, null,
                "bob", null));

        assertThat(ack.reasonCode()).isEqualTo(MqttConnectReasonCode.SUCCESS);
        if (version.isV5()) {
            assertThat(first.expect(MqttDisconnect.class).reasonCode())
                    .isEqualTo(MqttDisconnectReasonCode.SESSION_TAKEN_OVER);
        }
        first.expectClosed();
    }

    @ParameterizedTest
    @EnumSource(value = MqttVersion.class, names = {"MQTT_3_1_1", "MQTT_5"})
    void another_user_can_neither_resume_nor_discard_an_offline_session(MqttVersion version) {
        TestMqttClient alice = login(version, "alice", "device-3", false, MqttConnectReasonCode.SUCCESS);
        alice.subscribe(1, "t/queued", MqttQos.AT_LEAST_ONCE);
        alice.disconnect();
        TestMqttClient pub = login(version, "bob", "bob-pub-3", true, MqttConnectReasonCode.SUCCESS);
        pub.publishAndComplete("t/queued", "for alice only", MqttQos.AT_LEAST_ONCE, false, 1);

        login(version, "bob", "device-3", false, MqttConnectReasonCode.NOT_AUTHORIZED).expectClosed();
        login(version, "bob", "device-3", true, MqttConnectReasonCode.NOT_AUTHORIZED).expectClosed();

        TestMqttClient back = client(version);
        MqttProperties props = version.isV5() ? MqttProperties.builder().sessionExpiryInterval(HOUR).build()
                : MqttProperties.EMPTY;
        MqttConnAck ack = back.connect(new MqttConnect(version, false, 60, "device-3", props, null, "alice",
                "alice-pw".getBytes(StandardCharsets.UTF_8)));
        assertThat(ack.sessionPresent()).isTrue();
        MqttPublish queued = back.expect(MqttPublish.class);
        assertThat(TestMqttClient.text(queued)).isEqualTo("for alice only");
        back.acknowledge(queued);
        back.expectNoPacket(Duration.ofMillis(200));
    }
}
