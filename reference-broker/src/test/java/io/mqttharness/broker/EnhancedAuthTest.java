package io.mqttharness.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.security.ScramCredentials;
import io.mqttharness.broker.security.ScramSha256AuthMethod;
import io.mqttharness.broker.security.ScramSha256Client;
import io.mqttharness.broker.testsupport.BrokerTestBase;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttAuth;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.reason.MqttAuthReasonCode;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnhancedAuthTest extends BrokerTestBase {
    private static final String METHOD = ScramSha256AuthMethod.NAME;

    private void startWithScram(Path dir) throws IOException {
        Path scram = Files.writeString(dir.resolve("scram"), ScramCredentials.hashEntry("alice", "pw", 32) + "\n");
        startBroker(b -> b.scramPasswordFile(scram).allowAnonymous(false));
    }

    private static MqttProperties auth(byte[] data) {
        return MqttProperties.builder().authenticationMethod(METHOD).authenticationData(data).build();
    }

    @Test
    void scram_exchange_with_auth_0x18_ends_in_connack_success(@TempDir Path dir) throws IOException {
        startWithScram(dir);
        TestMqttClient c = client(MqttVersion.MQTT_5);
        ScramSha256Client scram = new ScramSha256Client("alice", "pw");
        c.send(c.connectPacket("scram", true, 60, auth(scram.clientFirstMessage()), null));
        MqttAuth challenge = c.expect(MqttAuth.class);
        assertThat(challenge.reasonCode()).isEqualTo(MqttAuthReasonCode.CONTINUE_AUTHENTICATION);
        assertThat(challenge.properties().authenticationMethod()).isEqualTo(METHOD);
        c.send(new MqttAuth(MqttAuthReasonCode.CONTINUE_AUTHENTICATION,
                auth(scram.clientFinalMessage(challenge.properties().authenticationData()))));
        MqttConnAck ack = c.expect(MqttConnAck.class);
        assertThat(ack.reasonCode()).isEqualTo(MqttConnectReasonCode.SUCCESS);
        assertThat(ack.properties().authenticationMethod()).isEqualTo(METHOD);
        scram.verifyServerFinal(ack.properties().authenticationData());

        // re-authentication while connected (AUTH 0x19)
        ScramSha256Client again = new ScramSha256Client("alice", "pw");
        c.send(new MqttAuth(MqttAuthReasonCode.RE_AUTHENTICATE, auth(again.clientFirstMessage())));
        MqttAuth reChallenge = c.expect(MqttAuth.class);
        assertThat(reChallenge.reasonCode()).isEqualTo(MqttAuthReasonCode.CONTINUE_AUTHENTICATION);
        c.send(new MqttAuth(MqttAuthReasonCode.CONTINUE_AUTHENTICATION,
                auth(again.clientFinalMessage(reChallenge.properties().authenticationData()))));
        assertThat(c.expect(MqttAuth.class).reasonCode()).isEqualTo(MqttAuthReasonCode.SUCCESS);
    }

    @Test
    void wrong_password_is_refused(@TempDir Path dir) throws IOException {
        startWithScram(dir);
        TestMqttClient c = client(MqttVersion.MQTT_5);
        ScramSha256Client scram = new ScramSha256Client("alice", "wrong");
        c.send(c.connectPacket("scram", true, 60, auth(scram.clientFirstMessage()), null));
        MqttAuth challenge = c.expect(MqttAuth.class);
        c.send(new MqttAuth(MqttAuthReasonCode.CONTINUE_AUTHENTICATION,
                auth(scram.clientFinalMessage(challenge.properties().authenticationData()))));
        assertThat(c.expect(MqttConnAck.class).reasonCode()).isEqualTo(MqttConnectReasonCode.NOT_AUTHORIZED);
        c.expectClosed();
    }

    @Test
    void auth_without_authentication_method_in_connect_is_a_protocol_error(@TempDir Path dir) throws IOException {
        startBroker();
        TestMqttClient c = connected(MqttVersion.MQTT_5, "plain");
        c.send(new MqttAuth(MqttAuthReasonCode.RE_AUTHENTICATE, auth(new byte[] {1})));
        assertThat(c.expect(MqttDisconnect.class).reasonCode()).isEqualTo(MqttDisconnectReasonCode.PROTOCOL_ERROR);
    }
}
