package io.mqttharness.broker.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.MosquittoConfigParser;
import io.mqttharness.broker.testsupport.BrokerTestBase;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttAuth;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.reason.MqttAuthReasonCode;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failed logins are refused late, later with each failure of the same client address and user name
 * ({@code failed_login_delay_ms}, doubled up to {@code failed_login_delay_max_ms}); a successful login starts the
 * pair over. Lower bounds ("took at least") are exact; upper bounds are generous because the machine is shared.
 */
class LoginDelayTest extends BrokerTestBase {
    private static final long INITIAL = 300;
    private static final long MAX = 1_200;
    /** Scheduling noise allowed on top of an expected delay, for the "clearly shorter than" checks. */
    private static final long SLACK = 700;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        Path passwords = Files.writeString(dir.resolve("passwd"), PasswordFile.hashEntry("alice", "right") + "\n"
                + PasswordFile.hashEntry("bob", "right") + "\n");
        Path scram = Files.writeString(dir.resolve("scram"), ScramCredentials.hashEntry("carol", "right", 32) + "\n");
        startBroker(b -> b.passwordFile(passwords).scramPasswordFile(scram).allowAnonymous(false)
                .failedLoginDelayMillis(INITIAL).failedLoginDelayMaxMillis(MAX));
    }

    /** Logs in and returns how long the CONNACK took, in ms. */
    private long login(MqttVersion version, String user, String password, MqttConnectReasonCode expected) {
        TestMqttClient c = client(version);
        long start = System.nanoTime();
        MqttConnAck ack = c.connect(new MqttConnect(version, true, 60, "c-" + System.nanoTime(), MqttProperties.EMPTY,
                null, user, password.getBytes(StandardCharsets.UTF_8)));
        long took = (System.nanoTime() - start) / 1_000_000;
        assertThat(ack.reasonCode()).isEqualTo(expected);
        if (expected.isError()) {
            c.expectClosed();
        }
        c.close();
        return took;
    }

    private long fail(String user) {
        return login(MqttVersion.MQTT_5, user, "wrong", MqttConnectReasonCode.BAD_USER_NAME_OR_PASSWORD);
    }

    @Test
    void each_further_failure_of_a_user_is_refused_later_up_to_the_cap() {
        long first = fail("alice");
        long second = login(MqttVersion.MQTT_3_1_1, "alice", "wrong", MqttConnectReasonCode.BAD_USER_NAME_OR_PASSWORD);
        long third = fail("alice");
        long fourth = fail("alice");
        System.out.printf("refusal delays: %d, %d, %d, %d ms (configured %d doubling, cap %d)%n", first, second, third,
                fourth, INITIAL, MAX);

        assertThat(first).as("first refusal").isGreaterThanOrEqualTo(INITIAL).isLessThan(2 * INITIAL + SLACK);
        assertThat(second).as("second refusal").isGreaterThanOrEqualTo(2 * INITIAL);
        assertThat(third).as("third refusal").isGreaterThanOrEqualTo(4 * INITIAL);
        assertThat(fourth).as("fourth refusal, capped").isGreaterThanOrEqualTo(MAX).isLessThan(2 * MAX);
    }

    @Test
    void a_successful_login_starts_the_delay_over() {
        fail("alice");
        fail("alice");
        long success = login(MqttVersion.MQTT_5, "alice", "right", MqttConnectReasonCode.SUCCESS);
        long afterSuccess = fail("alice");

        assertThat(success).as("a correct password is not delayed").isLessThan(INITIAL);
        assertThat(afterSuccess).as("first failure after a success").isGreaterThanOrEqualTo(INITIAL)
                .isLessThan(4 * INITIAL);
    }

    @Test
    void failures_of_one_user_do_not_delay_another_user_more() {
        fail("alice");
        fail("alice");
        fail("alice");

        long bob = fail("bob");

        assertThat(bob).isGreaterThanOrEqualTo(INITIAL).isLessThan(4 * INITIAL);
    }

    @Test
    void failed_enhanced_authentication_is_delayed_too() {
        long first = scramFailure();
        long second = scramFailure();

        assertThat(first).isGreaterThanOrEqualTo(INITIAL);
        assertThat(second).isGreaterThanOrEqualTo(2 * INITIAL);
    }

    private long scramFailure() {
        TestMqttClient c = client(MqttVersion.MQTT_5);
        ScramSha256Client scram = new ScramSha256Client("carol", "wrong");
        MqttProperties first = MqttProperties.builder().authenticationMethod(ScramSha256AuthMethod.NAME)
                .authenticationData(scram.clientFirstMessage()).build();
        c.send(new MqttConnect(MqttVersion.MQTT_5, true, 60, "scram-" + System.nanoTime(), first, null, null, null));
        MqttAuth challenge = c.expect(MqttAuth.class);
        long start = System.nanoTime();
        c.send(new MqttAuth(MqttAuthReasonCode.CONTINUE_AUTHENTICATION, MqttProperties.builder()
                .authenticationMethod(ScramSha256AuthMethod.NAME)
                .authenticationData(scram.clientFinalMessage(challenge.properties().authenticationData())).build()));
        assertThat(c.expect(MqttConnAck.class).reasonCode()).isEqualTo(MqttConnectReasonCode.NOT_AUTHORIZED);
        long took = (System.nanoTime() - start) / 1_000_000;
        c.expectClosed();
        return took;
    }

    @Test
    void delay_is_on_by_default_and_configurable() {
        BrokerConfig defaults = BrokerConfig.defaults();
        assertThat(defaults.failedLoginDelayMillis()).isEqualTo(500);
        assertThat(defaults.failedLoginDelayMaxMillis()).isEqualTo(8_000);

        BrokerConfig configured = MosquittoConfigParser.parse("failed_login_delay_ms 0\nfailed_login_delay_max_ms 0\n",
                "test.conf");
        assertThat(configured.failedLoginDelayMillis()).isZero();
        assertThat(new LoginThrottle(0, 0).failed("127.0.0.1", "alice")).isZero();
    }

    @Test
    void throttle_doubles_caps_and_forgets_quiet_pairs() {
        long[] now = {0};
        LoginThrottle throttle = new LoginThrottle(500, 8_000, () -> now[0]);

        assertThat(throttle.failed("10.0.0.1", "u")).isEqualTo(500);
        assertThat(throttle.failed("10.0.0.1", "u")).isEqualTo(1_000);
        assertThat(throttle.failed("10.0.0.1", "u")).isEqualTo(2_000);
        assertThat(throttle.failed("10.0.0.2", "u")).as("other address").isEqualTo(500);
        for (int i = 0; i < 40; i++) {
            throttle.failed("10.0.0.1", "u");
        }
        assertThat(throttle.failed("10.0.0.1", "u")).isEqualTo(8_000);
        now[0] += LoginThrottle.FORGET_AFTER_MILLIS + 1;
        assertThat(throttle.failed("10.0.0.1", "u")).as("after a quiet period").isEqualTo(500);
        throttle.succeeded("10.0.0.1", "u");
        assertThat(throttle.failed("10.0.0.1", "u")).isEqualTo(500);
    }

    @Test
    void remembered_pairs_are_bounded() {
        LoginThrottle throttle = new LoginThrottle(500, 8_000, () -> 0);
        for (int i = 0; i < LoginThrottle.MAX_ENTRIES + 500; i++) {
            throttle.failed("10.0." + (i / 250) + "." + (i % 250), "u");
        }
        assertThat(throttle.size()).isEqualTo(LoginThrottle.MAX_ENTRIES);
        assertThat(Duration.ofMillis(throttle.delayFor(Integer.MAX_VALUE))).isEqualTo(Duration.ofMillis(8_000));
    }
}
